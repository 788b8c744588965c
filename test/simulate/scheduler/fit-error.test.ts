/**
 * The FailedScheduling message: the TestFitError_Error table of kube-scheduler's
 * pkg/scheduler/framework/types_test.go as facts, and the messages schedule() writes for real
 * clusters (sorting, no nodes, the preemption part).
 */
import { describe, expect, it } from '@jest/globals';
import { formatFitError, NO_NODES_MESSAGE } from '../../../src/simulate/scheduler/fit-error.js';
import { node, pod, run } from './builders.js';

describe('FitError.Error (types_test.go)', () => {
  const counts = (entries: Array<[string, number]>) => new Map(entries);
  it('nodes failed a PreFilter plugin: only the PreFilter message', () => {
    const nodeStatuses = counts([['Node(s) failed PreFilter plugin FalsePreFilter', 3]]);
    expect(formatFitError(3, nodeStatuses, 'Node(s) failed PreFilter plugin FalsePreFilter')).toBe(
      '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter.',
    );
    expect(
      formatFitError(
        3,
        nodeStatuses,
        'Node(s) failed PreFilter plugin FalsePreFilter',
        'Error running PostFilter plugin FailedPostFilter',
      ),
    ).toBe(
      '0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter',
    );
  });
  it('nodes failed one Filter plugin, with and without a PostFilter message', () => {
    const nodeStatuses = counts([['Node(s) failed Filter plugin FalseFilter-1', 3]]);
    expect(formatFitError(3, nodeStatuses)).toBe(
      '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1.',
    );
    expect(formatFitError(3, nodeStatuses, '', 'Error running PostFilter plugin FailedPostFilter')).toBe(
      '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter',
    );
  });
  it('nodes failed two Filter plugins: items sorted as strings', () => {
    const nodeStatuses = counts([
      ['Node(s) failed Filter plugin FalseFilter-1', 2],
      ['Node(s) failed Filter plugin FalseFilter-2', 1],
    ]);
    expect(formatFitError(3, nodeStatuses)).toBe(
      '0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1.',
    );
  });
  it('failed Permit / Reserve on the only node', () => {
    expect(formatFitError(1, counts([['Node failed Permit plugin Permit-1', 1]]))).toBe(
      '0/1 nodes are available: 1 Node failed Permit plugin Permit-1.',
    );
    expect(formatFitError(1, counts([['Node failed Reserve plugin Reserve-1', 1]]))).toBe(
      '0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1.',
    );
  });
});

describe('FailedScheduling messages from schedule()', () => {
  it('with no nodes at all', () => {
    expect(run([], [pod('p')])[0]!.message).toBe(NO_NODES_MESSAGE);
    expect(NO_NODES_MESSAGE).toBe('no nodes available to schedule pods');
  });

  it('counts reasons across nodes, lists every insufficient resource, sorts "10 ..." before "2 ..."', () => {
    const nodes = [
      ...Array.from({ length: 10 }, (_, i) => node(`small-${i}`, { allocatable: { cpu: '1', memory: '1Gi' } })),
      node('mid-a', { allocatable: { cpu: '8', memory: '1Gi' } }),
      node('mid-b', { allocatable: { cpu: '8', memory: '1Gi' } }),
    ];
    const [o] = run(nodes, [pod('p', { requests: [{ cpu: '2', memory: '2Gi' }] })]);
    expect(o!.message).toBe(
      '0/12 nodes are available: 10 Insufficient cpu, 12 Insufficient memory. preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.',
    );
  });

  it('adds "No preemption victims found" for nodes where lower-priority pods could not be found', () => {
    const nodes = ['a', 'b', 'c'].map((n) => node(n, { allocatable: { cpu: '2', memory: '4Gi' } }));
    const bound = ['a', 'b', 'c'].map((n) => pod(`busy-${n}`, { nodeName: n, requests: [{ cpu: '1500m' }] }));
    const [o] = run(nodes, [pod('p', { requests: [{ cpu: '1' }] })], bound);
    expect(o!.message).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    );
  });

  it('with preemptionPolicy: Never', () => {
    const [o] = run(
      [node('a', { allocatable: { cpu: '1', memory: '1Gi' } })],
      [pod('p', { requests: [{ cpu: '2' }], spec: { preemptionPolicy: 'Never' } })],
    );
    expect(o!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });

  it('with conflicting metadata.name terms (NodeAffinity PreFilter)', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchFields: [
                { key: 'metadata.name', operator: 'In', values: ['a'] },
                { key: 'metadata.name', operator: 'In', values: ['b'] },
              ],
            },
          ],
        },
      },
    };
    const [o] = run([node('a'), node('b')], [pod('p', { spec: { affinity } })]);
    expect(o!.message).toBe(
      '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('reports nodes left out by metadata.name terms as "didn\'t satisfy plugin(s) [NodeAffinity]"', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }],
        },
      },
    };
    const nodes = ['a', 'b', 'c'].map((n) => node(n, { allocatable: { cpu: '1', memory: '1Gi' } }));
    const [o] = run(nodes, [pod('p', { requests: [{ cpu: '2' }], spec: { affinity } })]);
    expect(o!.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});
