import { describe, expect, it } from '@jest/globals';
import { goType, type GoType, rootTypeOf } from '../../src/diff/apply/api-types.js';
import { dropUnstoredFields } from '../../src/diff/empty-fields.js';
import { dropServerFields } from '../../src/diff/server-fields.js';
import { keepEmptySecretValues } from '../../src/diff/secret-data.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { copyJson } from '../../src/model/copy-json.js';
import { parsePointer } from '../../src/model/json-pointer.js';
import { dropNulls, isObject, type JsonObject } from '../../src/model/json.js';
import type { KubeObject } from '../../src/model/manifest.js';
import { applyDefaults, hasDefaults } from '../../src/simulate/defaults/index.js';
import { builtinType } from '../../src/validate/builtin-kinds.js';
import { findUnknownFields } from '../../src/validate/unknown-fields.js';

/**
 * The three removals done one after the other over the whole object, as the diff did them before
 * they shared one walk: the reference the walk must match.
 */
function dropInThreeWalks(object: KubeObject): void {
  const builtin = builtinType(String(object.apiVersion), String(object.kind));
  if (builtin) {
    for (const unknown of findUnknownFields(object, builtin)) {
      const path = parsePointer(unknown.pointer);
      const key = path.pop()!;
      let parent: unknown = object;
      for (const segment of path)
        parent = Array.isArray(parent) ? parent[Number(segment)] : isObject(parent) ? parent[segment] : undefined;
      if (isObject(parent)) delete parent[key];
    }
  }
  dropNulls(object);
  const type = goType(rootTypeOf(String(object.apiVersion), String(object.kind)));
  if (type) dropEmptyIn(object, type);
}

function dropEmptyIn(object: JsonObject, type: GoType): void {
  for (const key in object) {
    const value = object[key];
    if (value === null || typeof value !== 'object') continue;
    const field = Object.hasOwn(type, key) ? type[key] : undefined;
    const fieldType = goType(field?.type);
    if (Array.isArray(value)) {
      if (value.length === 0) delete object[key];
      else if (fieldType) for (const item of value) if (isObject(item)) dropEmptyIn(item, fieldType);
      continue;
    }
    if (fieldType) {
      if (!field?.map) dropEmptyIn(value as JsonObject, fieldType);
      else for (const item of Object.values(value)) if (isObject(item)) dropEmptyIn(item, fieldType);
    }
    if (Object.keys(value).length === 0 && !(field?.pointer && !field.map)) delete object[key];
  }
}

/** An object as normalizeObject has it when the fields go: defaulted, without the server's fields. */
function prepared(object: KubeObject): KubeObject {
  const copy = hasDefaults(object) ? applyDefaults(object) : copyJson(object);
  dropServerFields(copy);
  keepEmptySecretValues(copy);
  return copy;
}

function expectSameAsThreeWalks(object: KubeObject): void {
  const once = prepared(object);
  const thrice = prepared(object);
  dropUnstoredFields(once);
  dropInThreeWalks(thrice);
  // Key order included: the diff text follows it.
  expect(JSON.stringify(once)).toBe(JSON.stringify(thrice));
}

describe('dropUnstoredFields', () => {
  it('removes what three walks (unknown fields, nulls, empty values) remove, for every fixture object', async () => {
    const { manifests } = await loadManifests(['fixtures']);
    expect(manifests.length).toBeGreaterThan(400);
    for (const { object } of manifests) expectSameAsThreeWalks(object);
  });

  it('handles typos, nulls and empty values at every level, in structs, maps of structs, lists and lists of lists', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web', gone: null }, annotations: {}, finalizers: [] },
      spek: { replicas: 2 },
      spec: {
        replicas: null,
        selector: { matchLabels: { app: 'web' }, matchExpressions: [] },
        strategy: {},
        template: {
          metadata: { labels: { app: 'web' }, annotations: { a: null } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'app:1',
                imagePulPolicy: 'Always',
                resources: { limits: {}, requests: { cpu: null } },
                env: [],
                ports: [{ containerPort: 80, bogus: { deep: [] } }, null],
                securityContext: { capabilities: { add: [], drop: null } },
              },
            ],
            volumes: [
              { name: 'tmp', emptyDir: {} },
              { name: 'cfg', configMap: { items: [] } },
            ],
            nodeSelector: {},
            affinity: {
              podAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                  { topologyKey: 'k', namespaceSelector: {}, labelSelector: { matchLabels: {} } },
                ],
              },
            },
            containersTypo: [[{ a: null }], []],
          },
        },
      },
    };
    expectSameAsThreeWalks(deployment);
    const once = prepared(deployment);
    dropUnstoredFields(once);
    expect(once).not.toHaveProperty('spek');
    const pod = (once.spec as JsonObject).template as JsonObject;
    const container = ((pod.spec as JsonObject).containers as JsonObject[])[0]!;
    expect(container).not.toHaveProperty('imagePulPolicy');
    expect(container).not.toHaveProperty('resources');
    expect((pod.spec as JsonObject).volumes).toEqual([
      { name: 'tmp', emptyDir: {} },
      { name: 'cfg', configMap: { defaultMode: 420 } },
    ]);
  });

  it('leaves the empty values of custom resources and of fields named like Object.prototype members alone as the type says', () => {
    expectSameAsThreeWalks({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', labels: { a: null } },
      spec: { a: {}, b: [], c: null, d: [null, { e: null }] },
    });
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', constructor: { x: 1 }, toString: 'x' },
      data: { constructor: 'kept: a data key' },
      binaryData: {},
    };
    const once = prepared(configMap);
    dropUnstoredFields(once);
    expect(once).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { constructor: 'kept: a data key' },
    });
  });

  it('keeps a Secret value the server returns as null, as the empty value', () => {
    const secret: KubeObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: null, b: 'eA==' },
    };
    expectSameAsThreeWalks(secret);
    const once = prepared(secret);
    dropUnstoredFields(once);
    expect(once.data).toEqual({ a: '', b: 'eA==' });
  });
});
