import { describe, expect, it } from '@jest/globals';
import {
  nextNewReplicaSetSize,
  planRollingUpdate,
  resolveIntOrPercent,
  rollingParameters,
} from '../../src/simulate/controllers/rollout.js';
import { generatedName, podTemplateHash, safeEncodeHash, deterministicUid } from '../../src/simulate/objects/names.js';

describe('rollout arithmetic', () => {
  it.each([
    [10, '25%', '25%', 3, 2],
    [1, '25%', '25%', 1, 0],
    [3, '25%', '25%', 1, 0],
    [4, 0, 0, 0, 1],
    [5, '50%', 1, 3, 1],
  ])('%i replicas at %s/%s → surge %i, unavailable %i', (replicas, surge, unavailable, maxSurge, maxUnavailable) => {
    expect(rollingParameters(replicas, surge, unavailable)).toEqual({ maxSurge, maxUnavailable });
  });

  it('resolves int-or-percent values and rejects others', () => {
    expect(resolveIntOrPercent('33%', 10, true)).toBe(4);
    expect(resolveIntOrPercent('33%', 10, false)).toBe(3);
    expect(resolveIntOrPercent('33', 10, false)).toBeUndefined();
    expect(resolveIntOrPercent(-1, 10, false)).toBeUndefined();
  });

  it('scales a new ReplicaSet up within the surge', () => {
    const params = { maxSurge: 3, maxUnavailable: 2 };
    expect(
      nextNewReplicaSetSize(10, params, { replicas: 0, available: 0 }, [
        { replicas: 10, available: 10 },
        { replicas: 0, available: 0 },
      ]),
    ).toBe(3);
    expect(nextNewReplicaSetSize(10, params, { replicas: 0, available: 0 }, [{ replicas: 0, available: 0 }])).toBe(10);
  });

  it('plans a rolling update of 3 replicas at maxSurge 1 / maxUnavailable 0 step by step', () => {
    const plan = planRollingUpdate({ replicas: 3, maxSurge: 1, maxUnavailable: 0, oldReplicas: [3] });
    expect(plan.steps.map((s) => `${s.replicaSet} ${s.from}→${s.to}`)).toEqual([
      'new 0→1',
      '0 3→2',
      'new 1→2',
      '0 2→1',
      'new 2→3',
      '0 1→0',
    ]);
    expect(plan.complete).toBe(true);
  });

  it('stalls when the surge pods do not fit, keeping the old pods', () => {
    const plan = planRollingUpdate({
      replicas: 4,
      maxSurge: '25%',
      maxUnavailable: 0,
      oldReplicas: [4],
      newPodsThatFit: 0,
    });
    expect(plan.steps).toEqual([{ replicaSet: 'new', from: 0, to: 1 }]);
    expect(plan.complete).toBe(false);
  });

  it('plans the default 25%/25% rollout of 10 replicas', () => {
    const plan = planRollingUpdate({ replicas: 10, oldReplicas: [10] });
    expect(plan.parameters).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    // The old pods go only as far as 8 available allow: the 3 new pods have only just started.
    expect(plan.steps).toEqual([
      { replicaSet: 'new', from: 0, to: 3 },
      { replicaSet: 0, from: 10, to: 8 },
      { replicaSet: 'new', from: 3, to: 5 },
      { replicaSet: 0, from: 8, to: 5 },
      { replicaSet: 'new', from: 5, to: 8 },
      { replicaSet: 0, from: 5, to: 3 },
      { replicaSet: 'new', from: 8, to: 10 },
      { replicaSet: 0, from: 3, to: 0 },
    ]);
    expect(plan.complete).toBe(true);
  });

  it('never leaves fewer than replicas - maxUnavailable pods available: new pods count once started and ready', () => {
    const show = (plan: ReturnType<typeof planRollingUpdate>): string =>
      plan.steps.map((s) => `${s.replicaSet === 'new' ? 'new' : 'old'} ${s.from}→${s.to}`).join(', ');
    // 4 replicas, maxUnavailable 1: 3 available at every step (the old ReplicaSet goes 4→3, never 4→2).
    expect(show(planRollingUpdate({ replicas: 4, maxSurge: 1, maxUnavailable: 1, oldReplicas: [4] }))).toBe(
      'new 0→1, old 4→3, new 1→2, old 3→2, new 2→3, old 2→1, new 3→4, old 1→0',
    );
    // Only one new pod fits: the rollout stalls with 2 old and 1 new available, 3 in all.
    const stalled = planRollingUpdate({
      replicas: 4,
      maxSurge: '25%',
      maxUnavailable: 1,
      oldReplicas: [4],
      newPodsThatFit: 1,
    });
    expect(show(stalled)).toBe('new 0→1, old 4→3, new 1→2, old 3→2, new 2→3');
    expect(stalled.complete).toBe(false);
  });
});

describe('deterministic names', () => {
  it('encodes hashes with the pod-template-hash alphabet (digits map to 4-9, b, c, d, f)', () => {
    expect(safeEncodeHash(1234567890)).toBe('56789bcdf4');
    // FNV-1a of the canonical JSON, worked out apart from the code: {"spec":{"containers":[{"name":"a"}]}}
    // hashes to 1624067186, whose digits encode as 5b684bc5db.
    expect(podTemplateHash({ spec: { containers: [{ name: 'a' }] } })).toBe('5b684bc5db');
    expect(podTemplateHash({ spec: { containers: [{ name: 'b' }] } })).not.toBe('5b684bc5db');
    // Key order does not matter: {"metadata":{"labels":{"a":"1","b":"2"}}} hashes to 426197057.
    expect(podTemplateHash({ metadata: { labels: { a: '1', b: '2' } } })).toBe('86b5fc49c');
    expect(podTemplateHash({ metadata: { labels: { b: '2', a: '1' } } })).toBe('86b5fc49c');
  });

  it('gives the k-th generated name the same suffix every time and skips taken names', () => {
    const taken = new Set<string>();
    const first = generatedName('web-6dfcbc7dbf-', (n) => taken.has(n));
    taken.add(first.name);
    const second = generatedName('web-6dfcbc7dbf-', (n) => taken.has(n));
    expect(first).toEqual({ name: 'web-6dfcbc7dbf-6qcbg', n: 0 });
    expect(second).toEqual({ name: 'web-6dfcbc7dbf-t7wp9', n: 1 });
    expect(generatedName('web-6dfcbc7dbf-', () => false)).toEqual(first);
    expect(generatedName('web-6dfcbc7dbf-', () => false, 1)).toEqual(second);
  });

  it('derives UUID-shaped uids from identities', () => {
    // SHA-1 of "kubeplan:apps|Deployment|shop|web" is 690a23ea2d1d4d88cf9fd0d978ada8d7...: its 13th
    // digit (4) becomes the version, 5, and its 17th (c) the variant, 8 (its low two bits, plus 8).
    expect(deterministicUid('apps|Deployment|shop|web')).toBe('690a23ea-2d1d-5d88-8f9f-d0d978ada8d7');
    expect(deterministicUid('a')).not.toBe(deterministicUid('b'));
  });
});
