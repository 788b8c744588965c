import { describe, expect, it } from '@jest/globals';
import type { Manifest } from '../../src/model/manifest.js';
import { podTemplateOf } from '../../src/model/pod-template.js';
import { configReferences, definedKeys } from '../../src/lint/config-references.js';

const refsOfPod = (spec: Record<string, unknown>) => {
  const template = podTemplateOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
  if (!template) throw new Error('not a pod template');
  return configReferences(template);
};

describe('configReferences', () => {
  it('reads an env key reference without optional as required, and names an unnamed env var by its index', () => {
    const refs = refsOfPod({
      containers: [{ name: 'api', env: [{ valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }],
    });
    expect(refs).toStrictEqual([
      {
        kind: 'ConfigMap',
        name: 'settings',
        pointer: '/spec/containers/0/env/0/valueFrom/configMapKeyRef/name',
        key: 'mode',
        keyPointer: '/spec/containers/0/env/0/valueFrom/configMapKeyRef/key',
        optional: false,
        via: 'container "api" env env[0]',
      },
    ]);
  });

  it('reads optional: true and an optional of the wrong type as optional, null and false as required', () => {
    const env = [true, 'yes', null, false].map((optional, i) => ({
      name: `V${i}`,
      valueFrom: { secretKeyRef: { name: 'creds', key: 'k', optional } },
    }));
    expect(refsOfPod({ containers: [{ name: 'api', env }] }).map((r) => r.optional)).toStrictEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('skips an env key reference without a name', () => {
    const refs = refsOfPod({
      containers: [{ name: 'api', env: [{ name: 'A', valueFrom: { secretKeyRef: { key: 'password' } } }] }],
    });
    expect(refs).toStrictEqual([]);
  });

  it('reads a volume without items as a reference to the whole object', () => {
    const refs = refsOfPod({
      containers: [{ name: 'api' }],
      volumes: [{ name: 'cfg', configMap: { name: 'settings' } }],
    });
    expect(refs).toStrictEqual([
      {
        kind: 'ConfigMap',
        name: 'settings',
        pointer: '/spec/volumes/0/configMap/name',
        optional: false,
        via: 'volume "cfg"',
      },
    ]);
  });

  it('reads a volume with items as references to those keys only, skipping items without a key', () => {
    const refs = refsOfPod({
      containers: [{ name: 'api' }],
      volumes: [
        { name: 'tls', secret: { secretName: 'cert', items: [{ path: 'x' }, { key: 'tls.crt', path: 'crt' }] } },
      ],
    });
    expect(refs).toStrictEqual([
      {
        kind: 'Secret',
        name: 'cert',
        pointer: '/spec/volumes/0/secret/secretName',
        optional: false,
        via: 'volume "tls"',
        key: 'tls.crt',
        keyPointer: '/spec/volumes/0/secret/items/1/key',
      },
    ]);
  });

  it('skips a volume source without a name', () => {
    const refs = refsOfPod({
      containers: [{ name: 'api' }],
      volumes: [
        { name: 'cfg', configMap: { items: [{ key: 'a', path: 'a' }] } },
        { name: 's', secret: {} },
      ],
    });
    expect(refs).toStrictEqual([]);
  });

  it('reads named imagePullSecrets and skips unnamed ones', () => {
    const refs = refsOfPod({ containers: [{ name: 'api' }], imagePullSecrets: [{}, { name: 'registry' }] });
    expect(refs).toStrictEqual([
      {
        kind: 'Secret',
        name: 'registry',
        pointer: '/spec/imagePullSecrets/1/name',
        optional: false,
        via: 'imagePullSecrets',
      },
    ]);
  });
});

describe('definedKeys', () => {
  const manifest = (kind: string, object: Record<string, unknown>) =>
    ({ ref: { kind }, object: { apiVersion: 'v1', kind, ...object } }) as unknown as Manifest;

  it('lists the keys of a ConfigMap data and binaryData in sorted order', () => {
    expect(
      definedKeys(manifest('ConfigMap', { data: { zeta: '1', alpha: '2' }, binaryData: { mid: 'AA==' } })),
    ).toStrictEqual(['alpha', 'mid', 'zeta']);
  });

  it('lists the keys of a Secret data and stringData', () => {
    expect(definedKeys(manifest('Secret', { stringData: { b: 'x' }, data: { a: 'eA==' } }))).toStrictEqual(['a', 'b']);
  });
});
