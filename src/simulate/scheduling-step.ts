import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IReplicationController } from 'kubernetes-models/v1/ReplicationController';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { KubeObject } from '../model/manifest.js';
import type { SchedulingInput, SchedulingOutcome } from './scheduler/index.js';
import type { AddressAllocator } from './objects/addresses.js';
import { nodeNameOf, runningStatus, unschedulableStatus } from './objects/pod-status.js';
import { involved, type Entry, type SimulationState } from './state.js';
import { revised, withSpec } from './controllers/workload.js';
import { objectAt, objectsAt } from '../model/json.js';
import { isTerminal } from '../model/pod-phase.js';
import { nameOf, namespaceOf } from '../model/object-ref.js';

export type ScheduleFunction = (input: SchedulingInput) => SchedulingOutcome[];

/** What the scheduler said about each pod it could not place, by pod uid (for findings and output). */
export interface SchedulingMemory {
  /** Pod uid → FailedScheduling message of its last attempt. */
  failures: Map<string, string>;
  /** Pod uid → `state.removedPods` and `placed` when it was last tried (a removal frees room, a placement may satisfy affinity or spreading). */
  triedAt: Map<string, Readonly<{ removed: number; placed: number }>>;
  /** Pods bound so far. */
  placed: number;
  /** Set when the scheduler threw: it is not called again. */
  broken?: boolean;
}

export function newSchedulingMemory(): SchedulingMemory {
  return { failures: new Map(), triedAt: new Map(), placed: 0 };
}

/**
 * One scheduling cycle: every pending pod the scheduler has not tried yet, in creation order,
 * plus pods that failed before if pods were deleted since (freed room, as kube-scheduler
 * retries on pod deletion) or if they need other pods nearby (pod affinity). Bound pods start
 * at once (Running, Ready, with an IP); the others get `PodScheduled=False`.
 */
export function scheduleCycle(
  state: SimulationState,
  nodes: readonly KubeObject[],
  addresses: AddressAllocator,
  memory: SchedulingMemory,
  schedule: ScheduleFunction,
): void {
  startPodsOnTheirNodes(state, nodes, addresses);
  const pods = state.list('Pod', '').filter((e) => !isTerminal(e.object));
  const bound = pods.filter((e) => nodeNameOf(e.object) !== undefined);
  const pending = pods.filter((e) => nodeNameOf(e.object) === undefined && shouldTry(e, memory, state.removedPods));
  if (pending.length === 0) return;
  const byUid = new Map(pending.map((e) => [uidKey(e.object), e]));
  const input: SchedulingInput = {
    nodes: nodes as unknown as INode[],
    boundPods: bound.map((e) => e.object) as unknown as IPod[],
    pendingPods: pending.map((e) => e.object) as unknown as IPod[],
    namespaces: state.list('Namespace', '').map((e) => e.object) as unknown as INamespace[],
    // For kube-scheduler's default topology spreading of pods that declare none.
    services: objectsOf(state, 'Service', '') as unknown as IService[],
    replicaSets: objectsOf(state, 'ReplicaSet', 'apps') as unknown as IReplicaSet[],
    statefulSets: objectsOf(state, 'StatefulSet', 'apps') as unknown as IStatefulSet[],
    replicationControllers: objectsOf(state, 'ReplicationController', '') as unknown as IReplicationController[],
  };
  // One record for the whole cycle, never changed: not one object per pending pod kept to the end.
  const tried = { removed: state.removedPods, placed: memory.placed };
  for (const e of pending) memory.triedAt.set(uidKey(e.object), tried);
  for (const outcome of schedule(input)) {
    const entry = byUid.get(uidKey(outcome.pod as unknown as KubeObject));
    if (!entry) continue;
    if (outcome.gated) continue;
    if (outcome.preemption) preempt(state, entry, outcome.preemption);
    if (outcome.nodeName) bind(state, entry, outcome.nodeName, addresses, memory);
    else markUnschedulable(state, entry, outcome.message ?? 'no nodes available to schedule pods', memory);
  }
}

/**
 * Pods created with `spec.nodeName` skip the scheduler: the kubelet of that node starts them where
 * they are (kubelet admission is not modelled). On a node the cluster does not have, nobody does
 * (reportPodsOnMissingNodes).
 */
function startPodsOnTheirNodes(
  state: SimulationState,
  nodes: readonly KubeObject[],
  addresses: AddressAllocator,
): void {
  const known = new Set(nodes.map(nameOf));
  for (const { object } of state.list('Pod', '')) {
    const node = nodeNameOf(object);
    const status = objectAt(object, 'status');
    if (!node || !known.has(node) || (status && typeof status.podIP === 'string')) continue;
    state.replace(startedOn(object, node, addresses, state.now));
  }
}

function objectsOf(state: SimulationState, kind: string, group: string): KubeObject[] {
  return state.list(kind, group).map((e) => e.object);
}

/**
 * A pod placed by preempting others: kube-scheduler first reports the failed attempt, then the
 * victims are deleted (their controllers recreate them in the next round, and they queue again).
 */
function preempt(state: SimulationState, entry: Entry, preemption: NonNullable<SchedulingOutcome['preemption']>): void {
  state.emit({
    type: 'Warning',
    reason: 'FailedScheduling',
    message: preemption.message,
    involvedObject: involved(entry.object),
    source: 'default-scheduler',
  });
  for (const victim of preemption.victims) {
    const found = state.get({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: String(victim.metadata?.namespace ?? ''),
      name: String(victim.metadata?.name ?? ''),
    });
    if (!found) continue;
    state.emit({
      type: 'Normal',
      reason: 'Preempted',
      message: `Preempted by pod ${String(objectAt(entry.object, 'metadata')?.uid ?? '')} on node ${preemption.nominatedNodeName}`,
      involvedObject: involved(found.object),
      source: 'default-scheduler',
    });
    state.remove(found.object);
  }
}

function uidKey(pod: KubeObject): string {
  return String(objectAt(pod, 'metadata')?.uid ?? `${namespaceOf(pod)}/${nameOf(pod)}`);
}

/**
 * Whether a pending pod goes to the scheduler again, as kube-scheduler requeues it on cluster
 * events: never tried; pods removed since (room freed); pods placed since, for a pod that needs
 * other pods nearby (pod affinity) or whose hard spreading may allow more once others are placed.
 */
function shouldTry(entry: Entry, memory: SchedulingMemory, removedPods: number): boolean {
  const tried = memory.triedAt.get(uidKey(entry.object));
  if (tried === undefined || removedPods > tried.removed) return true;
  if (memory.placed === tried.placed) return false;
  const spec = objectAt(entry.object, 'spec') ?? {};
  const hardSpread = objectsAt(spec, 'topologySpreadConstraints').some((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  return hardSpread || objectAt(objectAt(spec, 'affinity') ?? {}, 'podAffinity') !== undefined;
}

/** The pod running on its node: Running and Ready, with the node's IP and a pod IP (the node's own with host networking). */
function startedOn(pod: KubeObject, node: string, addresses: AddressAllocator, now: string): KubeObject {
  const hostNetwork = objectAt(pod, 'spec')?.hostNetwork === true;
  return revised(pod, { status: runningStatus(pod, addresses.nodeIp(node), addresses.podIp(node, hostNetwork), now) });
}

function bind(
  state: SimulationState,
  entry: Entry,
  node: string,
  addresses: AddressAllocator,
  memory: SchedulingMemory,
): void {
  const pod = startedOn(withSpec(entry.object, { nodeName: node }), node, addresses, state.now);
  state.replace(pod);
  memory.placed++;
  memory.failures.delete(uidKey(pod));
  state.emit({
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${namespaceOf(pod)}/${nameOf(pod)} to ${node}`,
    involvedObject: involved(pod),
    source: 'default-scheduler',
  });
}

function markUnschedulable(state: SimulationState, entry: Entry, message: string, memory: SchedulingMemory): void {
  const key = uidKey(entry.object);
  memory.failures.set(key, message);
  const status = objectAt(entry.object, 'status');
  const condition =
    status && Array.isArray(status.conditions)
      ? (status.conditions[0] as Record<string, unknown> | undefined)
      : undefined;
  if (condition?.message !== message) {
    state.replace(revised(entry.object, { status: unschedulableStatus(entry.object, message, state.now) }));
  }
  state.emitOnce({
    type: 'Warning',
    reason: 'FailedScheduling',
    message,
    involvedObject: involved(entry.object),
    source: 'default-scheduler',
  });
}
