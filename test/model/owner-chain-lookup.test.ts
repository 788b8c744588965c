import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/model/manifest.js';
import { controllerChain, topController, topControllerLookup } from '../../src/model/owner-chain.js';
import { ClusterIndex } from '../../src/diff/consequences/cluster-index.js';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Objects whose controllers point at one another at random: chains, cycles (through the start
 * or above it), repeated uids, references with a wrong name, objects without a controller.
 */
function tangle(seed: number): KubeObject[] {
  const next = random(seed);
  const count = 12;
  const objects: KubeObject[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i < 6 ? 'Pod' : 'ReplicaSet';
    objects.push({ apiVersion: 'v1', kind, metadata: { name: `o${i}`, uid: `u${Math.floor(next() * (count + 2))}` } });
  }
  for (const object of objects) {
    if (next() < 0.15) continue;
    const owner = objects[Math.floor(next() * count)]!;
    const meta = owner.metadata as { name: string; uid: string };
    (object.metadata as Record<string, unknown>).ownerReferences = [
      {
        apiVersion: 'v1',
        kind: owner.kind,
        name: next() < 0.1 ? 'other' : meta.name,
        uid: meta.uid,
        controller: true,
      },
    ];
  }
  return objects;
}

function byUidFinder(objects: KubeObject[]): (ref: { uid: string }) => KubeObject | undefined {
  const byUid = new Map<string, KubeObject>();
  for (const o of objects) byUid.set((o.metadata as { uid: string }).uid, o);
  return (ref) => byUid.get(ref.uid);
}

describe('topControllerLookup', () => {
  it('finds the top controller the walk from each object finds, cycles included', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const objects = tangle(seed);
      const find = byUidFinder(objects);
      const lookup = topControllerLookup<KubeObject>(find);
      for (const object of objects) expect(lookup(object)).toBe(topController(object, find));
    }
  });
});

describe('ClusterIndex.pods', () => {
  it('finds the pods whose controller chain passes through the workload, in the state order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const objects = tangle(seed);
      const find = byUidFinder(objects);
      const index = new ClusterIndex({ objects, events: [] });
      for (const workload of objects) {
        const expected = objects.filter((o) => o.kind === 'Pod' && controllerChain(o, find).includes(workload));
        expect(index.pods(workload)).toEqual(expected);
      }
    }
  });
});
