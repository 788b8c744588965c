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

/** Recorded from the scheduler as it was before default spreading was made incremental (commit 0b7ea05). */
const RECORDED: Record<string, string> = {
  '30 nodes, 600 pods': 'ac99f241b4062ef46fc044e90571027ee4eef821c0530c23a24880eccf40726a',
  '60 nodes, 2000 pods': '22e84fc7a761a2f7bdb01b8fcd09796cda5d9a4129d3f5d9b9d8d341e2216565',
};

describe('optimisations change no outcome', () => {
  it.each([
    ['30 nodes, 600 pods', 30, 600],
    ['60 nodes, 2000 pods', 60, 2000],
  ] as const)('on a mixed workload of %s', (label, nodes, pods) => {
    const input = mixedWorkload(nodes, pods);
    const optimised = runScheduler(input);
    // The workload takes every path it is meant to.
    const scored = new Set(optimised.flatMap((o) => o.verdicts.flatMap((v) => Object.keys(v.scores ?? {}))));
    expect(scored).toEqual(new Set(['TaintToleration', 'NodeAffinity', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation', 'ImageLocality']));
    const plugins = new Set(optimised.flatMap((o) => o.verdicts.map((v) => v.plugin)));
    expect(plugins).toEqual(new Set([undefined, 'NodeUnschedulable', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity']));
    expect(optimised.some((o) => o.preemption)).toBe(true);
    expect(optimised.some((o) => o.message && !o.preemption)).toBe(true);

    const actual = fingerprints(optimised);
    const reference = fingerprints(runScheduler(input, { reuseTemplates: false }));
    // The first outcome that differs, if any, rather than a diff of thousands.
    const first = actual.findIndex((f, i) => f !== reference[i]);
    expect(first === -1 ? undefined : JSON.parse(actual[first]!)).toEqual(first === -1 ? undefined : JSON.parse(reference[first]!));
    expect(actual).toHaveLength(reference.length);
    expect(sha256(`[${actual.join(',')}]`)).toBe(RECORDED[label]);
  });
});
