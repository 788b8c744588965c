/**
 * Preemption's shortcut for nodes rejected by NodePorts or NodeResourcesFit
 * (FilterRunner.stillRejects): whether the rejection stands once the lower-priority pods are gone,
 * read from the node's numbers without moving any pod. Where it answers, its answer must be the
 * status kube-scheduler's filters give the node after removing those pods (SelectVictimsOnNode);
 * for a rejection by another filter it answers PASSED, leaving the node to a trial.
 */
import { describe, expect, it } from '@jest/globals';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Cluster, type Placed } from '../../../src/simulate/scheduler/cluster.js';
import { FilterRunner, requestVector } from '../../../src/simulate/scheduler/filters.js';
import { podReader } from '../../../src/simulate/scheduler/pod-info.js';
import { buildShape } from '../../../src/simulate/scheduler/shapes.js';
import { PASSED, StatusTable } from '../../../src/simulate/scheduler/statuses.js';
import { node, pod, run } from './builders.js';

/**
 * Filters `pending` on every node with `bound` in place, then asks the shortcut about `nodeName`
 * without the bound pods named in `without`: "passes", or the rejecting plugin and its reasons.
 */
function stillRejects(nodes: INode[], bound: IPod[], pending: IPod, nodeName: string, without: string[]): string {
  const read = podReader();
  const placed = bound.map(read);
  const info = read(pending);
  const cluster = new Cluster(nodes, () => ({}));
  for (const p of [...placed, info]) for (const name of p.resources.requests.keys()) cluster.resourceId(name);
  cluster.freeze();
  const placements: Placed[] = placed.map((p) => ({ info: p, node: cluster.nodeIndex.get(p.nodeName)! }));
  for (const p of placements) cluster.add(p);
  const statuses = new StatusTable();
  const filters = new FilterRunner(cluster, statuses, false);
  const request = requestVector(cluster, info);
  const codes = new Uint16Array(cluster.N);
  filters.run(info, buildShape(cluster, info, statuses, 0), request, codes, undefined);
  const n = cluster.nodeIndex.get(nodeName)!;
  const gone = placements.filter((p) => without.includes(p.info.name));
  const code = filters.stillRejects(info, request, n, codes[n]!, gone);
  if (code === PASSED) return 'passes';
  const status = statuses.entries[code]!;
  return `${status.plugin}: ${status.reasons.join('; ')}`;
}

const withPort = (name: string, hostPort: number, nodeName?: string) =>
  pod(name, { nodeName, spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort }] }] } });

describe('FilterRunner.stillRejects', () => {
  const roomy = node('a', { allocatable: { cpu: '4', memory: '8Gi' } });

  it('NodePorts: the port stays taken while a pod that is not removed holds it', () => {
    const bound = [withPort('keeps', 8080, 'a'), withPort('goes', 9090, 'a')];
    expect(stillRejects([roomy], bound, withPort('p', 8080), 'a', ['goes'])).toBe(
      "NodePorts: node(s) didn't have free ports for the requested pod ports",
    );
  });
  it('NodePorts: the port is free once the pod holding it is removed', () => {
    const bound = [withPort('keeps', 9090, 'a'), withPort('goes', 8080, 'a')];
    expect(stillRejects([roomy], bound, withPort('p', 8080), 'a', ['goes'])).toBe('passes');
  });

  const small = node('a', { allocatable: { cpu: '2', memory: '8Gi' } });
  const cpu = (name: string, amount: string, nodeName?: string) => pod(name, { nodeName, requests: [{ cpu: amount }] });

  it('NodeResourcesFit: still short when the pods left take too much', () => {
    // 2 cpus, 1.5 kept: 0.5 free for a pod that wants 1.
    const bound = [cpu('keeps', '1500m', 'a'), cpu('goes', '500m', 'a')];
    expect(stillRejects([small], bound, cpu('p', '1'), 'a', ['goes'])).toBe('NodeResourcesFit: Insufficient cpu');
  });
  it('NodeResourcesFit: fits once the removed pods free enough', () => {
    // 2 cpus, 0.5 kept: 1.5 free for a pod that wants 1.
    const bound = [cpu('keeps', '500m', 'a'), cpu('goes', '1500m', 'a')];
    expect(stillRejects([small], bound, cpu('p', '1'), 'a', ['goes'])).toBe('passes');
  });
  it('leaves a rejection by an earlier filter (TaintToleration) to a trial, short of cpu as the node also is', () => {
    const tainted = node('a', {
      allocatable: { cpu: '2', memory: '8Gi' },
      taints: [{ key: 'x', effect: 'NoSchedule' }],
    });
    const bound = [cpu('keeps', '1500m', 'a'), cpu('goes', '500m', 'a')];
    expect(stillRejects([tainted], bound, cpu('p', '1'), 'a', ['goes'])).toBe('passes');
  });
});

describe('preemption through schedule()', () => {
  it('reports Too many pods when the pods it may not remove already fill the node', () => {
    // The node allows 1 pod and holds 2 (its limit was lowered after they started): without the
    // lower-priority pod, the other still fills it, and the cpu stays short.
    const full = node('a', { allocatable: { cpu: '2', memory: '8Gi', pods: '1' } });
    const bound = [
      pod('high', { nodeName: 'a', priority: 100, requests: [{ cpu: '1' }] }),
      pod('low', { nodeName: 'a', priority: 0, requests: [{ cpu: '1' }] }),
    ];
    const [o] = run([full], [pod('p', { priority: 50, requests: [{ cpu: '2' }] })], bound);
    expect(o!.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Too many pods. preemption: 0/1 nodes are available: 1 Insufficient cpu, 1 Too many pods.',
    );
  });
});
