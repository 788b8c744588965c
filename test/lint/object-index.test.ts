import { describe, expect, it } from '@jest/globals';
import { ObjectIndex } from '../../src/lint/object-index.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { groupKind } from '../../src/model/group-kind.js';

describe('ObjectIndex.memo', () => {
  it('computes a value once per key and returns it to every later call', () => {
    const index = new ObjectIndex([]);
    let calls = 0;
    const first = index.memo('sample-rule/table', () => ({ n: ++calls }));
    const second = index.memo('sample-rule/table', () => ({ n: ++calls }));
    expect(calls).toBe(1);
    expect(second).toBe(first);
    expect(second).toEqual({ n: 1 });
  });

  it('keeps values of different keys apart', () => {
    const index = new ObjectIndex([]);
    expect(index.memo('a', () => 1)).toBe(1);
    expect(index.memo('b', () => 2)).toBe(2);
    expect(index.memo('a', () => 3)).toBe(1);
  });
});

describe('ObjectIndex lookups', () => {
  // Built in each test, not once for the block: the index's construction is what is tested.
  const build = () =>
    new ObjectIndex(
      parseManifests(
        'a.yaml',
        [
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\ndata: {from: first}',
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\ndata: {from: second}',
          'apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: web, namespace: shop}',
        ].join('\n---\n'),
      ).manifests,
    );

  it('finds the first of two objects with one name, as the input gives them', () => {
    const index = build();
    expect(index.find(groupKind('v1', 'ConfigMap'), 'shop', 'app')?.object.data).toEqual({ from: 'first' });
  });

  it('leaves out objects of an API version the schemas do not know', () => {
    const index = build();
    expect(index.ofKind(groupKind('apps/v1', 'Deployment'))).toEqual([]);
    expect(index.hasKindIn(groupKind('apps/v1', 'Deployment'), 'shop')).toBe(false);
  });
});
