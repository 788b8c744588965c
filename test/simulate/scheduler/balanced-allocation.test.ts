/**
 * The cases of kube-scheduler's pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go (v1.36),
 * as facts (the DRA-backed cases excepted: kubeplan does not model DRA). Nodes have allocatable cpu
 * in millicores and memory in bytes, as the upstream makeNode helper gives them.
 */
import { describe, expect, it } from '@jest/globals';
import {
  balanceImprovementScore,
  balancedAllocationScore,
} from '../../../src/simulate/scheduler/plugins/balanced-allocation.js';
import { node, pluginScores, pod, run } from './builders.js';

const makeNode = (name: string, milliCpu: number, memory: number, gpu?: number) =>
  node(name, {
    allocatable: { cpu: `${milliCpu}m`, memory: String(memory), ...(gpu ? { 'nvidia.com/gpu': String(gpu) } : {}) },
  });
const cpuAndMemory = (name: string, nodeName?: string) =>
  pod(name, {
    nodeName,
    requests: [
      { cpu: '1000m', memory: '2000' },
      { cpu: '2000m', memory: '3000' },
    ],
  });
const cpuOnly = (name: string, nodeName?: string) =>
  pod(name, {
    nodeName,
    requests: [
      { cpu: '1000m', memory: '0' },
      { cpu: '2000m', memory: '0' },
    ],
  });
const score = (o: Parameters<typeof pluginScores>[0]) => pluginScores(o, 'NodeResourcesBalancedAllocation');
const roomy = { cpu: '4', memory: '4Gi' };

describe('BalancedAllocation (balanced_allocation_test.go)', () => {
  it('nothing scheduled, nothing requested: skipped (no score)', () => {
    const [o] = run([makeNode('node1', 4000, 10000), makeNode('node2', 4000, 10000)], [pod('p')]);
    expect(score(o!)).toEqual({ node1: undefined, node2: undefined });
    expect(o!.verdicts[0]!.scores).toHaveProperty('NodeResourcesFit');
  });

  it('nothing scheduled, resources requested, differently sized nodes', () => {
    const [o] = run([makeNode('node1', 4000, 10000), makeNode('node2', 6000, 10000)], [cpuAndMemory('p')]);
    // Balance without the pod 100 on both; with it 87 and 100 (v1.35+ scores the change).
    expect(score(o!)).toEqual({ node1: 68, node2: 75 });
  });

  it('resources requested, pods scheduled with resources', () => {
    const bound = [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')];
    const [o] = run([makeNode('node1', 10000, 20000), makeNode('node2', 10000, 20000)], [cpuAndMemory('p')], bound);
    // node1: 85 → 82; node2: 97 → 95.
    expect(score(o!)).toEqual({ node1: 73, node2: 74 });
  });

  it('resources requested, pods scheduled with resources, differently sized nodes', () => {
    const bound = [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')];
    const [o] = run([makeNode('node1', 10000, 20000), makeNode('node2', 10000, 50000)], [cpuAndMemory('p')], bound);
    expect(score(o!)).toEqual({ node1: 73, node2: 70 });
  });

  it('resources requested, pods scheduled with resources, nodes to reach min/max score', () => {
    // node1: cpu 3000/3000, memory 0 → 5000/5000: balance 50 → 100, score 100; node2: 100 → 50, score 50.
    const memoryOnly = pod('p', { requests: [{ memory: '2000' }, { memory: '3000' }] });
    const [o] = run(
      [makeNode('node1', 3000, 5000), makeNode('node2', 3000, 5000)],
      [memoryOnly],
      [cpuOnly('e1', 'node1')],
    );
    expect(score(o!)).toEqual({ node1: 100, node2: 50 });
  });

  it('requested resources at node capacity (score function: the filter rejects both nodes)', () => {
    // node1: cpu 3000 → 6000/6000, memory 0/10000: balance 75 → 50; node2: memory 5000/10000: 100 → 75.
    expect(balancedAllocationScore([3000, 0], [6000, 10000])).toBe(75);
    expect(balancedAllocationScore([6000, 0], [6000, 10000])).toBe(50);
    expect(balanceImprovementScore(50, 75)).toBe(62);
    expect(balancedAllocationScore([3000, 5000], [6000, 10000])).toBe(100);
    expect(balancedAllocationScore([6000, 5000], [6000, 10000])).toBe(75);
    expect(balanceImprovementScore(75, 100)).toBe(62);
  });

  it('includes a scalar resource the pod requests (three resources: standard deviation)', () => {
    // node1: cpu 3000/3500, memory 5000/40000, gpu 3 → 4/8: 69 → 70; node2: gpu 0 → 1/8: 62 → 65.
    expect(balancedAllocationScore([3000, 5000, 4], [3500, 40000, 8])).toBe(70);
    expect(balancedAllocationScore([3000, 5000, 3], [3500, 40000, 8])).toBe(69);
    expect(balanceImprovementScore(70, 69)).toBe(75);
    expect(balancedAllocationScore([3000, 5000, 1], [3500, 40000, 8])).toBe(65);
    expect(balancedAllocationScore([3000, 5000, 0], [3500, 40000, 8])).toBe(62);
    expect(balanceImprovementScore(65, 62)).toBe(76);
  });

  it('skips a scalar resource the pod does not request', () => {
    const [o] = run([makeNode('node1', 3500, 40000, 8), makeNode('node2', 3500, 40000)], [cpuAndMemory('p')]);
    // Balance 100 → 63 on both.
    expect(score(o!)).toEqual({ node1: 56, node2: 56 });
    expect(balancedAllocationScore([3000, 5000, 0], [3500, 40000, 0])).toBe(63);
  });

  it('uses actual requests of placed pods, not the 100m / 200Mi defaults', () => {
    // A placed pod without requests adds nothing: node1's balance goes from 100 (nothing requested)
    // to 97 (cpu 3000/10000, memory 5000/20000), as node2's.
    const bound = [pod('e1', { nodeName: 'node1', spec: { containers: [{ name: 'c', image: 'x' }] } })];
    const [o] = run([makeNode('node1', 10000, 20000), makeNode('node2', 10000, 20000)], [cpuAndMemory('p')], bound);
    expect(score(o!)).toEqual({ node1: 73, node2: 73 });
  });
});

describe('BalancedAllocation: cases the upstream table leaves out', () => {
  it('three resources in equal shares: float64 arithmetic as Go does it', () => {
    // 0.2 + 0.2 + 0.2 = 0.6000000000000001, so the mean is 0.20000000000000004 and the deviation
    // 2.8e-17; 1 − 2.8e-17 rounds to 1: 100.
    expect(balancedAllocationScore([1000, 1000, 1], [5000, 5000, 5])).toBe(100);
    // 0.8 + 0.8 + 0.8 = 2.4000000000000004, so the mean is 0.8000000000000002 and the deviation
    // 1.1e-16; (1 − 1.1e-16) × 100 = 99.99999999999999, truncated: 99, not the 100 of exact arithmetic.
    expect(balancedAllocationScore([4000, 4000, 4], [5000, 5000, 5])).toBe(99);
  });

  it('no resource with anything allocatable: no shares, no spread, 100', () => {
    expect(balancedAllocationScore([1000, 2000], [0, 0])).toBe(100);
  });

  it('scores a node without allocatable cpu on memory alone (one share, no spread), and the other way round', () => {
    // node1: one share, balance 100 with the pod and without: 75. node2: cpu 0 / 4000, memory 0 → 1Gi / 4Gi:
    // balance 100 → 87 (1 − 0.25 / 2 = 0.875): 50 + (50 + 87 − 100) / 2 = 68.
    const noCpu = [node('node1', { allocatable: { memory: '4Gi' } }), node('node2', { allocatable: roomy })];
    expect(score(run(noCpu, [pod('p', { requests: [{ memory: '1Gi' }] })])[0]!)).toEqual({ node1: 75, node2: 68 });
    const noMemory = [node('node1', { allocatable: { cpu: '4' } }), node('node2', { allocatable: roomy })];
    expect(score(run(noMemory, [pod('p', { requests: [{ cpu: '1' }] })])[0]!)).toEqual({ node1: 75, node2: 68 });
  });
});
