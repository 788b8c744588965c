/**
 * InterPodAffinity beyond spreading-and-affinity.test.ts: several required terms, the first pod of a
 * group, resolvability for preemption, PreFilter's Skip, and scores with several domains and keys.
 * Expected values follow pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go
 * and are worked out by hand in the comments.
 */
import { describe, expect, it } from '@jest/globals';
import { Cluster } from '../../../src/simulate/scheduler/cluster.js';
import { podInfo } from '../../../src/simulate/scheduler/pod-info.js';
import { filterNode, filterState } from '../../../src/simulate/scheduler/plugins/inter-pod-affinity.js';
import { node, pluginScores, pod, rejections, run } from './builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOSTNAME = 'kubernetes.io/hostname';
const RACK = 'topology.example.com/rack';
const cap = { cpu: '8', memory: '16Gi' };
const zoned = (name: string, zone?: string) => node(name, { labels: zone ? { [ZONE]: zone } : {}, allocatable: cap });
const labelled = (name: string, labels: Record<string, string>, nodeName?: string, spec?: Record<string, unknown>) =>
  pod(name, { labels, nodeName, spec });

const term = (matchLabels: Record<string, string>, topologyKey = ZONE) => ({
  topologyKey,
  labelSelector: { matchLabels },
});
const requiredAffinity = (...terms: unknown[]) => ({
  affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } },
});
const requiredAnti = (...terms: unknown[]) => ({
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } },
});
const preferredAffinity = (...terms: Array<{ weight: number; term: unknown }>) => ({
  affinity: {
    podAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({
        weight: t.weight,
        podAffinityTerm: t.term,
      })),
    },
  },
});

const AFFINITY = "InterPodAffinity: node(s) didn't match pod affinity rules";
const NO_AFFINITY_MATCH =
  "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

describe('InterPodAffinity filter: required affinity', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')];

  it('a pod that matches its own term still has to join the domain of the pods that match it', () => {
    // Matching pods exist (in z1), so the first-of-a-group exception does not apply: z2 fails.
    const self = labelled('p', { app: 'web' }, undefined, requiredAffinity(term({ app: 'web' })));
    const [o] = run(nodes, [self], [labelled('e', { app: 'web' }, 'a')]);
    expect(rejections(o!)).toEqual({ a: 'fits', b: 'fits', c: AFFINITY });
  });

  it('counts only pods that match every term', () => {
    const spec = requiredAffinity(term({ app: 'cache' }), term({ tier: 'front' }));
    const halfMatches = [labelled('cache', { app: 'cache' }, 'a'), labelled('front', { tier: 'front' }, 'c')];
    // Each placed pod matches one term only: no domain has a pod matching both.
    const [none] = run(nodes, [labelled('p', { app: 'web' }, undefined, spec)], halfMatches);
    expect(none!.message).toBe(NO_AFFINITY_MATCH);
    // A pod matching both terms, in z2: only z2 qualifies.
    const both = labelled('both', { app: 'cache', tier: 'front' }, 'c');
    const [o] = run(nodes, [labelled('p', { app: 'web' }, undefined, spec)], [...halfMatches, both]);
    expect(rejections(o!)).toEqual({ a: AFFINITY, b: AFFINITY, c: 'fits' });
  });

  it('the first pod of a group goes anywhere only when it matches every one of its own terms', () => {
    const spec = requiredAffinity(term({ app: 'web' }), term({ tier: 'front' }));
    const [partly] = run(nodes, [labelled('p', { app: 'web' }, undefined, spec)]);
    expect(partly!.message).toBe(NO_AFFINITY_MATCH);
    const [fully] = run(nodes, [labelled('p', { app: 'web', tier: 'front' }, undefined, spec)]);
    expect(rejections(fully!)).toEqual({ a: 'fits', b: 'fits', c: 'fits' });
  });

  it('nodes without the topology label are rejected as unresolvable: preemption does not try them', () => {
    // No node has the rack label; a lower-priority pod that preemption could evict changes nothing.
    const spec = requiredAffinity(term({ app: 'web' }, RACK));
    const [o] = run(
      nodes,
      [pod('p', { labels: { app: 'web' }, priority: 100, spec })],
      [labelled('low', { app: 'web' }, 'a')],
    );
    expect(o!.message).toBe(NO_AFFINITY_MATCH);
    expect(o!.preemption).toBeUndefined();
  });

  it('the terms of different pods count their own matching pods in one run', () => {
    const bound = [labelled('cache', { app: 'cache' }, 'a'), labelled('db', { app: 'db' }, 'c')];
    const [toCache, toDb] = run(
      nodes,
      [
        labelled('p1', { app: 'web' }, undefined, requiredAffinity(term({ app: 'cache' }))),
        labelled('p2', { app: 'web' }, undefined, requiredAffinity(term({ app: 'db' }))),
      ],
      bound,
    );
    expect(rejections(toCache!)).toEqual({ a: 'fits', b: 'fits', c: AFFINITY });
    expect(rejections(toDb!)).toEqual({ a: AFFINITY, b: AFFINITY, c: 'fits' });
  });
});

describe("InterPodAffinity filter: placed pods' anti-affinity", () => {
  it('is resolvable: a higher-priority pod preempts the pod whose anti-affinity keeps it out', () => {
    const keepOutDb = requiredAnti(term({ app: 'db' }, HOSTNAME));
    const nodes = [zoned('a', 'z1'), zoned('b', 'z1')];
    const bound = [
      pod('guard-low', { labels: { app: 'guard' }, nodeName: 'a', priority: 0, spec: keepOutDb }),
      pod('guard-high', { labels: { app: 'guard' }, nodeName: 'b', priority: 1000, spec: keepOutDb }),
    ];
    const [o] = run(nodes, [pod('db', { labels: { app: 'db' }, priority: 100 })], bound);
    expect(o!.nodeName).toBe('a');
    expect(o!.preemption).toEqual({
      nominatedNodeName: 'a',
      victims: [bound[0]],
      message: "0/2 nodes are available: 2 node(s) didn't satisfy existing pods anti-affinity rules.",
    });
  });
});

describe('InterPodAffinity PreFilter', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z2'), zoned('c')];
  const clusterWith = (...placed: Array<{ pod: ReturnType<typeof pod>; node: number }>): Cluster => {
    const cluster = new Cluster(nodes, () => ({}));
    cluster.freeze();
    for (const p of placed) cluster.add({ info: podInfo(p.pod), node: p.node });
    return cluster;
  };
  const incoming = podInfo(labelled('p', { app: 'db' }));
  const guard = labelled('guard', { app: 'guard' }, undefined, requiredAnti(term({ app: 'db' })));

  it('skips a pod without required terms when no placed pod has required anti-affinity', () => {
    expect(filterState(clusterWith(), incoming)).toBeUndefined();
    expect(filterState(clusterWith({ pod: labelled('e', { app: 'db' }), node: 0 }), incoming)).toBeUndefined();
  });

  it("skips it too when the anti-affinity that selects it is held on a node without the term's topology label", () => {
    // Node c has no zone: the guard's term counts in no domain (existingAntiAffinityCounts stays empty).
    expect(filterState(clusterWith({ pod: guard, node: 2 }), incoming)).toBeUndefined();
  });

  it("does not skip it when that anti-affinity is held on a node with the label: the guard's zone is blocked", () => {
    const state = filterState(clusterWith({ pod: guard, node: 1 }), incoming);
    expect([0, 1, 2].map((n) => state && filterNode(state, n)?.reason)).toEqual([
      undefined,
      "node(s) didn't satisfy existing pods anti-affinity rules",
      undefined,
    ]);
  });
});

describe('InterPodAffinity score', () => {
  it("the pod's preferred terms: weight × matching pods summed per domain, min-max normalised", () => {
    const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2'), zoned('d', 'z3')];
    const cache = (name: string, nodeName: string) => labelled(name, { app: 'cache' }, nodeName);
    const spec = preferredAffinity({ weight: 10, term: term({ app: 'cache' }) });
    const [o] = run(
      nodes,
      [labelled('p', { app: 'web' }, undefined, spec)],
      [cache('c1', 'a'), cache('c2', 'a'), cache('c3', 'c')],
    );
    // z1: 10 × 2 = 20, z2: 10 × 1 = 10, z3: 0. Normalised 100 × (s − 0) / 20: 100, 100, 50, 0; × 2.
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: 200, b: 200, c: 100, d: 0 });
  });

  it('a node gets the scores of the topology keys it has and nothing for the others', () => {
    const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('d')];
    const spec = preferredAffinity(
      { weight: 10, term: term({ app: 'cache' }, HOSTNAME) },
      { weight: 5, term: term({ app: 'db' }) },
    );
    const bound = [labelled('cache', { app: 'cache' }, 'd'), labelled('db', { app: 'db' }, 'a')];
    const [o] = run(nodes, [labelled('p', { app: 'web' }, undefined, spec)], bound);
    // a: zone z1 5; b: zone z1 5; d: hostname d 10 and no zone. Normalised 100 × (s − 5) / 5; × 2.
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: 0, b: 0, d: 200 });
    expect(o!.nodeName).toBe('d');
  });

  it('is skipped when the only matching pods run on nodes without the term’s topology label', () => {
    const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')];
    const spec = preferredAffinity({ weight: 10, term: term({ app: 'cache' }, RACK) });
    const [o] = run(
      nodes,
      [labelled('p', { app: 'web' }, undefined, spec)],
      [labelled('cache', { app: 'cache' }, 'a')],
    );
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: undefined, b: undefined, c: undefined });
  });
});
