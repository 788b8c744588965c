/**
 * The scheduler's caches and incremental counts (per-template results, default-spread selectors
 * per owner, per-domain spreading counts) must change no outcome. On a realistic mixed workload
 * (mixed-workload.ts) the optimised run is compared with the straightforward one
 * (`reuseTemplates: false`: every filter on every node, every score from scratch, spreading counted
 * over all nodes for each pod), and with fingerprints recorded from the implementation before
 * those optimisations existed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { SchedulingOutcome } from '../../../src/simulate/scheduler/index.js';
import { runScheduler } from '../../../src/simulate/scheduler/schedule.js';
import { node, pod } from './builders.js';
import { mixedWorkload } from './mixed-workload.js';

/** Everything an outcome says, the pod by name: node, message, preemption, verdicts with scores; one text per outcome. */
function fingerprints(outcomes: SchedulingOutcome[]): string[] {
  return outcomes.map((o) =>
    JSON.stringify({
      pod: `${o.pod.metadata?.namespace}/${o.pod.metadata?.name}`,
      nodeName: o.nodeName,
      message: o.message,
      gated: o.gated,
      preemption: o.preemption && {
        node: o.preemption.nominatedNodeName,
        victims: o.preemption.victims.map((v) => v.metadata?.name),
        message: o.preemption.message,
      },
      verdicts: o.verdicts,
    }),
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Recorded from the scheduler as it was before default spreading was made incremental (commit
 * 0b7ea05), then recorded again when NodeResourcesBalancedAllocation moved to v1.36's score (the
 * change in balance the pod brings), with both ways of computing the outcomes agreeing.
 */
const RECORDED: Record<string, string> = {
  '30 nodes, 600 pods': 'dac40b9fb5a54bf422ff4c687e623c929e7b12a8f3eabc07917a9f28f7d32313',
  '60 nodes, 2000 pods': '11eb5a5ce386082685e1e3aa709e6bd4d3aca6a520b3563dc87f5f4fc539393a',
  'odd input': 'ffe49c6c68b1aaaebd1a09876efc84fa8f11bb6ada4f029becda60c7c719d1c1',
};

/**
 * Input no API server would accept, with scores outside 0..100: negative requests (a free share
 * above 100%), negative preferred weights, a maxSkew below 1.
 */
function oddInput() {
  const zone = 'topology.kubernetes.io/zone';
  const nodes = ['a', 'b', 'c', 'd'].map((n, i) =>
    node(n, { allocatable: { cpu: '4', memory: '8Gi' }, labels: { [zone]: `z${i % 2}` } }),
  );
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true };
  const group = (prefix: string, spec: Record<string, unknown>, requests = [{ cpu: '500m', memory: '1Gi' }]) =>
    Array.from({ length: 4 }, (_, i) => {
      const p = pod(`${prefix}-${i}`, { labels: { app: prefix }, requests, spec });
      (p.metadata as Record<string, unknown>).ownerReferences = [owner];
      return p;
    });
  const preference = (weight: number, value: string) => ({
    weight,
    preference: { matchExpressions: [{ key: zone, operator: 'In', values: [value] }] },
  });
  const pending = [
    ...group('negative', {}, [{ cpu: '-40', memory: '1Gi' }]),
    ...group('dislike', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [preference(-50, 'z0'), preference(10, 'z1')],
        },
      },
    }),
    ...group('skew', {
      topologySpreadConstraints: [
        {
          maxSkew: -3,
          topologyKey: zone,
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: 'skew' } },
        },
      ],
    }),
  ];
  const replicaSets = [{ metadata: { name: 'rs', namespace: 'default' }, spec: { selector: { matchLabels: {} } } }];
  return {
    nodes,
    boundPods: [],
    pendingPods: pending,
    replicaSets: replicaSets as never,
    services: [{ metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'negative' } } }] as never,
  };
}

describe('optimisations change no outcome', () => {
  it.each([
    ['30 nodes, 600 pods', 30, 600],
    ['60 nodes, 2000 pods', 60, 2000],
  ] as const)('on a mixed workload of %s', (label, nodes, pods) => {
    const input = mixedWorkload(nodes, pods);
    const optimised = runScheduler(input);
    // The workload takes every path it is meant to.
    const scored = new Set(optimised.flatMap((o) => o.verdicts.flatMap((v) => Object.keys(v.scores ?? {}))));
    expect(scored).toEqual(
      new Set([
        'TaintToleration',
        'NodeAffinity',
        'NodeResourcesFit',
        'PodTopologySpread',
        'InterPodAffinity',
        'NodeResourcesBalancedAllocation',
        'ImageLocality',
      ]),
    );
    const plugins = new Set(optimised.flatMap((o) => o.verdicts.map((v) => v.plugin)));
    expect(plugins).toEqual(
      new Set([
        undefined,
        'NodeUnschedulable',
        'TaintToleration',
        'NodeAffinity',
        'NodePorts',
        'NodeResourcesFit',
        'PodTopologySpread',
        'InterPodAffinity',
      ]),
    );
    expect(optimised.some((o) => o.preemption)).toBe(true);
    expect(optimised.some((o) => o.message && !o.preemption)).toBe(true);

    const actual = fingerprints(optimised);
    const reference = fingerprints(runScheduler(input, { reuseTemplates: false }));
    // The first outcome that differs, if any, rather than a diff of thousands.
    const first = actual.findIndex((f, i) => f !== reference[i]);
    expect(first === -1 ? undefined : JSON.parse(actual[first]!)).toEqual(
      first === -1 ? undefined : JSON.parse(reference[first]!),
    );
    expect(actual).toHaveLength(reference.length);
    expect(sha256(`[${actual.join(',')}]`)).toBe(RECORDED[label]);
  });

  it('on odd input', () => {
    const input = oddInput();
    const actual = fingerprints(runScheduler(input));
    expect(actual.map((f) => JSON.parse(f))).toEqual(
      fingerprints(runScheduler(input, { reuseTemplates: false })).map((f) => JSON.parse(f)),
    );
    // Scores beyond 0..255 and below 0 are there to be kept.
    const values = actual.flatMap((f) =>
      (JSON.parse(f) as { verdicts: Array<{ scores?: Record<string, number> }> }).verdicts.flatMap((v) =>
        Object.values(v.scores ?? {}),
      ),
    );
    expect(Math.max(...values)).toBeGreaterThan(255);
    expect(Math.min(...values)).toBeLessThan(0);
    expect(sha256(`[${actual.join(',')}]`)).toBe(RECORDED['odd input']);
  });
});
