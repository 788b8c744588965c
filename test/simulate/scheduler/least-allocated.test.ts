/**
 * The LeastAllocated cases of kube-scheduler's
 * pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go, as facts. Node sizes are
 * written as the upstream table writes them (cpu "4000" is 4000 cores). Cases whose pod does not
 * fit a node are checked on the score function, the others through schedule().
 */
import { describe, expect, it } from '@jest/globals';
import {
  leastAllocatedScore,
  leastRequestedScore,
} from '../../../src/simulate/scheduler/plugins/node-resources-fit.js';
import { node, pluginScores, pod, run } from './builders.js';

const sized = (name: string, cpu: string, memory: string) => node(name, { allocatable: { cpu, memory } });
const score = (outcome: Parameters<typeof pluginScores>[0]) => pluginScores(outcome, 'NodeResourcesFit');

describe('LeastAllocated (least_allocated_test.go)', () => {
  it('nothing scheduled, nothing requested', () => {
    const [o] = run([sized('node1', '4000', '10000'), sized('node2', '4000', '10000')], [pod('p')]);
    expect(score(o!)).toEqual({ node1: 100, node2: 100 });
  });

  it('nothing scheduled, resources requested, differently sized nodes', () => {
    const p = pod('p', {
      requests: [
        { cpu: '1000', memory: '2000' },
        { cpu: '2000', memory: '3000' },
      ],
    });
    const [o] = run([sized('node1', '4000', '10000'), sized('node2', '6000', '10000')], [p]);
    expect(score(o!)).toEqual({ node1: 37, node2: 50 });
  });

  it('no resources requested, pods scheduled', () => {
    const bound = ['node1', 'node1', 'node2', 'node2'].map((n, i) => pod(`e${i}`, { nodeName: n }));
    const [o] = run([sized('node1', '4000', '10000'), sized('node2', '4000', '10000')], [pod('p')], bound);
    expect(score(o!)).toEqual({ node1: 100, node2: 100 });
  });

  it('no resources requested, pods scheduled with resources', () => {
    const bound = [
      pod('e1', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
      pod('e2', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
      pod('e3', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '0' }] }),
      pod('e4', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '5000' }] }),
    ];
    const [o] = run([sized('node1', '10000', '20000'), sized('node2', '10000', '20000')], [pod('p')], bound);
    expect(score(o!)).toEqual({ node1: 70, node2: 57 });
  });

  const requesting = () =>
    pod('p', {
      requests: [
        { cpu: '1000', memory: '2000' },
        { cpu: '2000', memory: '3000' },
      ],
    });
  const onBoth = () => [
    pod('e1', { nodeName: 'node1', requests: [{ cpu: '3000', memory: '0' }] }),
    pod('e2', { nodeName: 'node2', requests: [{ cpu: '3000', memory: '5000' }] }),
  ];

  it('resources requested, pods scheduled with resources', () => {
    const [o] = run([sized('node1', '10000', '20000'), sized('node2', '10000', '20000')], [requesting()], onBoth());
    expect(score(o!)).toEqual({ node1: 57, node2: 45 });
  });

  it('resources requested, pods scheduled with resources, differently sized nodes', () => {
    const [o] = run([sized('node1', '10000', '20000'), sized('node2', '10000', '50000')], [requesting()], onBoth());
    expect(score(o!)).toEqual({ node1: 57, node2: 60 });
  });

  it('requested resources exceed node capacity (score function: the filter rejects both nodes)', () => {
    // Requested 3000 + 3000 cores of 4000; memory 0 / 10000 and 5000 / 10000.
    expect(leastAllocatedScore([6000e3, 0], [4000e3, 10000], [1, 1])).toBe(50);
    expect(leastAllocatedScore([6000e3, 5000], [4000e3, 10000], [1, 1])).toBe(25);
    const [o] = run(
      [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')],
      [pod('p', { requests: [{ cpu: '3000', memory: '0' }] })],
      onBoth(),
    );
    expect(o!.nodeName).toBeUndefined();
  });

  it('zero node resources, pods scheduled with resources', () => {
    const [o] = run([node('node1'), node('node2')], [pod('p')], onBoth());
    expect(score(o!)).toEqual({ node1: 0, node2: 0 });
  });

  it('different weights on cpu and memory (memory 2, cpu 1)', () => {
    // node1: cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50 → (25 + 100) / 3 = 41.
    expect(leastAllocatedScore([3000e3, 5000], [4000e3, 10000], [1, 2])).toBe(41);
    expect(leastAllocatedScore([3000e3, 5000], [6000e3, 10000], [1, 2])).toBe(50);
  });

  it('bypasses an extended resource the pod does not request, honours one it requests', () => {
    // cpu, memory, extended: an unrequested extended resource is passed as allocatable 0 (left out).
    expect(leastAllocatedScore([3000e3, 5000, 0], [6000e3, 10000, 0], [1, 1, 1])).toBe(50);
    expect(leastAllocatedScore([3000e3, 5000, 2], [6000e3, 10000, 4], [1, 1, 1])).toBe(50);
    expect(leastAllocatedScore([3000e3, 5000, 2], [6000e3, 10000, 10], [1, 1, 1])).toBe(60);
    // "if the node doesn't have a resource": extended weight 2, cpu 1, memory 1.
    expect(leastAllocatedScore([0, 3000e3, 4000], [0, 6000e3, 10000], [2, 1, 1])).toBe(55);
  });

  it('counts an unset container request as 100m cpu and 200Mi memory, an explicit 0 as 0', () => {
    const nodes = [sized('node1', '1', '1Gi'), sized('node2', '1', '1Gi')];
    const unset = pod('p', { spec: { containers: [{ name: 'c', image: 'x' }] } });
    // cpu (1000-100)*100/1000 = 90, memory (1024-200)*100/1024 = 80 → 85.
    expect(score(run(nodes, [unset])[0]!)).toEqual({ node1: 85, node2: 85 });
    const zero = pod('p', { requests: [{ cpu: '0', memory: '0' }] });
    expect(score(run(nodes, [zero])[0]!)).toEqual({ node1: 100, node2: 100 });
  });
});

describe('LeastAllocated: cases the upstream table leaves out', () => {
  it('a resource with nothing allocatable scores 0, and so does a node with none of the scored resources', () => {
    expect(leastRequestedScore(0, 0)).toBe(0);
    expect(leastAllocatedScore([100, 200], [0, 0], [1, 1])).toBe(0);
  });
});

describe('LeastAllocated and pod-level requests (found by the differential test against kube-scheduler v1.36)', () => {
  // The Fit plugin's scorer is built without the PodLevelResources feature: the pod being scheduled
  // counts its containers (100m / 200Mi where they state nothing), not spec.resources, while
  // BalancedAllocation reads spec.resources. Figures from the oracle's schedule op.
  const nodes = [
    node('a', { allocatable: { cpu: '8', memory: '2Gi', pods: '10' } }),
    node('b', { allocatable: { cpu: '8', memory: '4Gi', pods: '10' } }),
  ];
  const podLevel = pod('p', {
    requests: [{ cpu: '100m' }],
    spec: { resources: { requests: { cpu: '1', memory: '1Gi' } } },
  });

  it('scores the containers of the pod being placed: cpu 100m, memory 200Mi', () => {
    // a: cpu (8000-100)*100/8000 = 98, memory (2048-200)*100/2048 = 90 → 94; b: 98 and 95 → 96.
    const [o] = run(nodes, [podLevel]);
    expect(score(o!)).toEqual({ a: 94, b: 96 });
    expect(pluginScores(o!, 'NodeResourcesBalancedAllocation')).toEqual({ a: 65, b: 71 });
  });

  it('counts the pod-level requests of a placed pod', () => {
    // a holds the pod-level 1 cpu / 1Gi: cpu (8000-1000-100)*100/8000 = 86, memory (2048-1024-200)*100/2048 = 40 → 63.
    const placed = {
      ...podLevel,
      metadata: { name: 'placed', namespace: 'default' },
      spec: { ...podLevel.spec, nodeName: 'a' },
    };
    const [o] = run(nodes, [podLevel], [placed as typeof podLevel]);
    expect(score(o!)).toEqual({ a: 63, b: 96 });
  });
});
