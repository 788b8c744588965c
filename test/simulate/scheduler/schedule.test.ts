/** schedule() as a whole: order, ties, determinism, verdicts, odd input. */
import { describe, expect, it } from '@jest/globals';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { schedule } from '../../../src/simulate/scheduler/index.js';
import { node, pod, run } from './builders.js';

const cap = { cpu: '4', memory: '8Gi' };

describe('schedule', () => {
  it('schedules by priority, then in creation order', () => {
    const pods = [
      pod('low-1', { priority: 1 }),
      pod('high', { priority: 100 }),
      pod('low-2', { priority: 1 }),
      pod('none'),
    ];
    expect(run([node('a', { allocatable: cap })], pods).map((o) => o.pod.metadata?.name)).toEqual([
      'high',
      'low-1',
      'low-2',
      'none',
    ]);
  });

  it('breaks score ties by node name and lets placed pods steer later ones', () => {
    const nodes = ['c', 'a', 'b'].map((n) => node(n, { allocatable: cap }));
    const pods = ['p1', 'p2', 'p3', 'p4'].map((n) => pod(n, { requests: [{ cpu: '1', memory: '1Gi' }] }));
    expect(run(nodes, pods).map((o) => o.nodeName)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('gives the same result whatever the order of the nodes', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4'].map((n, i) =>
      node(n, { allocatable: { cpu: `${i + 2}`, memory: `${8 - i}Gi` }, labels: { zone: `z${i % 2}` } }),
    );
    const pods = Array.from({ length: 12 }, (_, i) =>
      pod(`p${i}`, { labels: { app: 'x' }, requests: [{ cpu: '500m', memory: '512Mi' }] }),
    );
    const forward = JSON.stringify(run(nodes, pods));
    expect(JSON.stringify(run([...nodes].reverse(), pods))).toBe(forward);
    expect(JSON.stringify(run(nodes, pods))).toBe(forward);
  });

  it('reports verdicts for every node in name order, with per-plugin weighted scores adding up', () => {
    const [o] = run(
      [
        node('b', { allocatable: cap }),
        node('a', { allocatable: cap, taints: [{ key: 'k', effect: 'NoSchedule' }] }),
        node('c', { allocatable: cap }),
      ],
      [pod('p', { requests: [{ cpu: '1' }] })],
    );
    expect(o!.verdicts.map((v) => v.node)).toEqual(['a', 'b', 'c']);
    expect(o!.verdicts[0]).toEqual({
      node: 'a',
      plugin: 'TaintToleration',
      reasons: ['node(s) had untolerated taint {k: }'],
    });
    for (const v of o!.verdicts.slice(1)) {
      expect(v.score).toBe(Object.values(v.scores!).reduce((s, x) => s + x, 0));
      expect(Object.keys(v.scores!)).toEqual([
        'TaintToleration',
        'NodeResourcesFit',
        'NodeResourcesBalancedAllocation',
        'ImageLocality',
      ]);
    }
    // Verdicts are plain data: they survive JSON.
    expect(JSON.parse(JSON.stringify(o)).verdicts).toEqual(o!.verdicts);
  });

  it('does not score when a single node is feasible', () => {
    const [o] = run(
      [node('a', { allocatable: cap }), node('b', { allocatable: cap, unschedulable: true })],
      [pod('p')],
    );
    expect(o!.nodeName).toBe('a');
    expect(o!.verdicts[0]).toEqual({ node: 'a', reasons: [] });
  });

  it('leaves gated pods alone', () => {
    const [o] = run(
      [node('a', { allocatable: cap })],
      [pod('p', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } })],
    );
    expect(o).toEqual({ pod: expect.anything(), gated: true, verdicts: [] });
  });

  it('does not modify its input', () => {
    const nodes = [node('a', { allocatable: cap })];
    const pending = [pod('p', { requests: [{ cpu: '1' }] })];
    const before = JSON.stringify({ nodes, pending });
    run(nodes, pending);
    expect(JSON.stringify({ nodes, pending })).toBe(before);
  });

  it('never throws on odd shapes', () => {
    const odd = [
      null,
      {},
      {
        metadata: { name: 'x' },
        status: { allocatable: { cpu: {}, memory: '-5', pods: 'many' } },
        spec: { taints: 'no' },
      },
      {
        metadata: { name: 'y', labels: { a: 1 } },
        spec: { taints: [null, { key: 3 }] },
        status: { capacity: { cpu: '1e400' } },
      },
    ] as unknown as INode[];
    const pods = [
      null,
      {},
      {
        metadata: { name: 'p' },
        spec: {
          containers: [{ resources: { requests: { cpu: [] } } }],
          affinity: {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [null, { labelSelector: 'x' }] },
          },
          topologySpreadConstraints: [{}],
        },
      },
      {
        spec: {
          tolerations: 'all',
          nodeSelector: 5,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{}] }] },
            },
          },
        },
      },
    ] as unknown as IPod[];
    expect(() => schedule({ nodes: odd, boundPods: pods, pendingPods: pods })).not.toThrow();
    expect(schedule({} as never)).toEqual([]);
    const outcomes = schedule({ nodes: odd, boundPods: [], pendingPods: pods });
    expect(outcomes).toHaveLength(4);
    expect(() => JSON.stringify(outcomes)).not.toThrow();
  });
});
