/**
 * One identity rule for every stage: the ref a manifest gets when it is loaded, the key the
 * simulation stores it under and the key the diff matches it by are the same, edge cases
 * included.
 */
import { describe, expect, it } from '@jest/globals';
import { normalizeObject } from '../../src/diff/normalize.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import {
  describeRef,
  groupOf,
  identityKey,
  nameOf,
  namespaceOf,
  refOf,
  versionOf,
} from '../../src/model/object-ref.js';
import { SimulationState } from '../../src/simulate/state.js';

const CASES: Array<[string, string, ReturnType<typeof refOf>]> = [
  [
    'a plain name',
    'metadata: {name: web, namespace: shop}',
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'web' },
  ],
  [
    'a number as name',
    'metadata: {name: 123, namespace: shop}',
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: '' },
  ],
  [
    'generateName only',
    'metadata: {generateName: web-, namespace: shop}',
    { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: '', generateName: 'web-' },
  ],
  [
    'a name and generateName',
    'metadata: {name: web, generateName: web-}',
    { apiVersion: 'v1', kind: 'ConfigMap', name: 'web' },
  ],
  [
    'a number as namespace',
    'metadata: {name: web, namespace: 7}',
    { apiVersion: 'v1', kind: 'ConfigMap', name: 'web' },
  ],
  ['an empty namespace', 'metadata: {name: web, namespace: ""}', { apiVersion: 'v1', kind: 'ConfigMap', name: 'web' }],
  ['metadata that is a list', 'metadata: [web]', { apiVersion: 'v1', kind: 'ConfigMap', name: '' }],
  ['no metadata', 'data: {}', { apiVersion: 'v1', kind: 'ConfigMap', name: '' }],
];

describe('object identity', () => {
  it.each(CASES)('%s: load, simulate and diff agree', (_, metadata, expected) => {
    const [manifest] = parseManifests('a.yaml', `apiVersion: v1\nkind: ConfigMap\n${metadata}\n`).manifests;
    expect(manifest!.ref).toEqual(expected);
    expect(refOf(manifest!.object)).toEqual(expected);
    // The diff takes the identity of the normalized object (namespace filled in).
    expect(refOf(normalizeObject(manifest!.object, { namespace: 'shop' }))).toEqual({
      ...expected,
      namespace: 'shop',
    });
    // The simulation stores and finds the object under the same key.
    const state = new SimulationState('2026-01-01T00:00:00Z');
    state.create(structuredClone(manifest!.object));
    expect(state.all().map((e) => identityKey(refOf(e.object)))).toEqual([identityKey(manifest!.ref)]);
    expect(state.get(manifest!.ref)).toBe(state.all()[0]);
  });

  it('reads names and namespaces that are strings only', () => {
    expect(nameOf({ metadata: { name: 123 } })).toBe('');
    expect(nameOf({ metadata: 'web' })).toBe('');
    expect(namespaceOf({ metadata: { namespace: ['shop'] } })).toBe('');
    expect(refOf({ kind: 7, metadata: { name: 'web' } })).toEqual({ apiVersion: '', kind: '', name: 'web' });
  });

  it('names an object without a name by its generateName in messages', () => {
    expect(describeRef({ kind: 'Job', namespace: 'shop', name: '', generateName: 'migrate-' })).toBe(
      'Job shop/migrate-*',
    );
    expect(describeRef({ kind: 'Job', name: '' })).toBe('Job ');
    expect(describeRef({ kind: 'ClusterRole', name: 'admin', generateName: 'x-' })).toBe('ClusterRole admin');
  });
});

describe('group and version', () => {
  it('splits an apiVersion at its slash; the core group is empty', () => {
    expect(groupOf('apps/v1')).toBe('apps');
    expect(groupOf('v1')).toBe('');
    expect(groupOf('')).toBe('');
    expect(versionOf('apps/v1')).toBe('v1');
    expect(versionOf('rbac.authorization.k8s.io/v1beta1')).toBe('v1beta1');
    expect(versionOf('v1')).toBe('v1');
  });
});

describe('identityKey', () => {
  it('is group, kind, namespace and name; the version does not count', () => {
    expect(identityKey({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' })).toBe(
      'apps|Deployment|shop|web',
    );
    expect(identityKey({ apiVersion: 'apps/v1beta2', kind: 'Deployment', namespace: 'shop', name: 'web' })).toBe(
      'apps|Deployment|shop|web',
    );
    expect(identityKey({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' })).toBe('|Namespace||shop');
  });
});
