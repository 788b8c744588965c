/**
 * Reusing per-node results across pods alike must not change any outcome: the synthetic benchmark
 * workload (taints, selectors, spreading, anti-affinity, GPUs, host ports, preemption, a full
 * cluster) gives the same outcomes, verdicts included, with and without reuse.
 */
import { describe, expect, it } from '@jest/globals';
import { makeBoundPods, makeNodes, makePods } from '../../../bench/scheduler/synthetic.js';
import { runScheduler } from '../../../src/simulate/scheduler/schedule.js';
import { node, pod } from './builders.js';

describe('template reuse', () => {
  it('changes nothing on a mixed workload that fills the cluster', () => {
    const nodes = makeNodes(60);
    const input = { nodes, boundPods: makeBoundPods(nodes), pendingPods: makePods(2000) };
    const reused = runScheduler(input);
    const fresh = runScheduler(input, { reuseTemplates: false });
    // The workload reaches the paths reuse could change: pods left unscheduled and preemptions.
    expect(reused.filter((o) => o.message).length).toBe(66);
    expect(reused.filter((o) => o.preemption).length).toBe(17);
    expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
  });

  it('changes nothing across evictions and pods that arrive already bound', () => {
    const nodes = ['a', 'b', 'c'].map((n) => node(n, { allocatable: { cpu: '4', memory: '8Gi' } }));
    const bound = [pod('low', { nodeName: 'a', priority: 0, requests: [{ cpu: '3' }] })];
    const pending = [
      ...Array.from({ length: 5 }, (_, i) => pod(`w${i}`, { priority: 5, requests: [{ cpu: '1', memory: '1Gi' }] })),
      pod('pinned', { nodeName: 'b', priority: 5, requests: [{ cpu: '2' }] }),
      pod('big', { priority: 10, requests: [{ cpu: '4' }] }),
      ...Array.from({ length: 4 }, (_, i) => pod(`x${i}`, { priority: 5, requests: [{ cpu: '1', memory: '1Gi' }] })),
    ];
    const input = { nodes, boundPods: bound, pendingPods: pending };
    expect(JSON.stringify(runScheduler(input))).toBe(JSON.stringify(runScheduler(input, { reuseTemplates: false })));
  });
});
