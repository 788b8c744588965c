import type { ClusterState } from '../model/cluster-state.js';
import type { KubeObject } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';
import { groupKindOfObject } from '../model/group-kind.js';
import { hasTrait } from '../model/workload-kinds.js';
import { nodeNameOf } from './objects/pod-status.js';
import type { SchedulingInput } from './scheduler/index.js';
import type { ScheduleFunction } from './scheduling-step.js';
import { pushTo } from '../model/maps.js';
import { addUsage, checkQuotas, hardOf, inScope, podUsage, sumUsage } from './admission/resource-quota.js';
import { uidOf } from './state.js';
import { objectAt } from '../model/json.js';
import { isTerminal } from '../model/pod-phase.js';
import { controllerUidOf } from '../model/owner-chain.js';
import { nameOf, namespaceOf, refOf } from '../model/object-ref.js';

/** How many more pods of one workload the resulting cluster could run. */
export interface Headroom {
  workload: ObjectRef;
  /** Extra pods kube-scheduler would place, up to `limit`. */
  more: number;
  limit: number;
  /**
   * Why the next one would not run: its FailedScheduling message without the preemption part, or
   * the quota's refusal; absent when `limit` fit.
   */
  message?: string;
}

/** Workloads whose size is a replica count and that have pods in the plan: each gets a headroom figure. */
function scalable(workload: KubeObject): boolean {
  const kind = groupKindOfObject(workload);
  return hasTrait(kind, 'replicated') && hasTrait(kind, 'runsInPlan');
}

/**
 * Headroom per workload, on the state the plan ends with: copies of one of the workload's pods
 * (its newest ReplicaSet's, for a Deployment) are given to kube-scheduler beside every bound
 * pod, one after the other, until one does not fit or `limit` did. The copies carry the pod's
 * labels, so spreading and anti-affinity with their siblings count as they would for a real
 * extra replica, and they never preempt: headroom is room that is free. The namespace's
 * ResourceQuotas bound it too. Each workload is measured alone, on the same cluster. Workloads
 * without a pod are left out.
 */
export function measureHeadroom(
  state: ClusterState,
  nodes: readonly KubeObject[],
  schedule: ScheduleFunction,
  limit: number,
): Headroom[] {
  const objects = state.objects;
  const of = (kind: string): KubeObject[] => objects.filter((o) => o.kind === kind);
  const pods = of('Pod').filter((p) => !isTerminal(p));
  const podsByOwner = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    const owner = controllerUidOf(pod);
    if (owner) pushTo(podsByOwner, owner, pod);
  }
  const replicaSets = of('ReplicaSet');
  // The same inputs as a scheduling cycle of the plan (scheduling-step.ts), all pods bound.
  const base = {
    nodes,
    boundPods: pods.filter((p) => nodeNameOf(p) !== undefined),
    namespaces: of('Namespace'),
    services: of('Service'),
    replicaSets,
    statefulSets: of('StatefulSet'),
    replicationControllers: of('ReplicationController'),
  } as unknown as Omit<SchedulingInput, 'pendingPods'>;
  const quotas = of('ResourceQuota');
  const results: Headroom[] = [];
  for (const workload of objects) {
    if (!scalable(workload) || controllerUidOf(workload)) continue;
    const prototype = prototypeOf(workload, replicaSets, podsByOwner);
    if (!prototype) continue;
    const quota = quotaRoom(prototype, quotas, pods, limit);
    const copies = Array.from({ length: quota.room }, (_, i) =>
      extraPod(prototype, i),
    ) as unknown as SchedulingInput['pendingPods'];
    const outcomes = copies.length ? schedule({ ...base, pendingPods: copies }) : [];
    const failed = outcomes.find((o) => !o.nodeName && !o.gated);
    const more = outcomes.filter((o) => o.nodeName).length;
    const message = failed ? withoutPreemption(failed.message ?? '') : quota.refusal;
    results.push({ workload: refOf(workload), more, limit, ...(message ? { message } : {}) });
  }
  return results;
}

/**
 * How many copies of the pod the namespace's ResourceQuotas admit beside its live pods (at most
 * `limit`), and the API server's refusal of the next one.
 */
function quotaRoom(
  prototype: KubeObject,
  quotas: readonly KubeObject[],
  pods: readonly KubeObject[],
  limit: number,
): { room: number; refusal?: string } {
  const namespace = namespaceOf(prototype);
  const inNamespace = quotas.filter((q) => namespaceOf(q) === namespace);
  if (!inNamespace.length) return { room: limit };
  const spec = objectAt(prototype, 'spec') ?? {};
  const running = pods.filter((p) => namespaceOf(p) === namespace).map((p) => objectAt(p, 'spec') ?? {});
  // What the namespace uses now, then one copy more at a time: each check adds, never re-counts.
  const used = new Map(inNamespace.map((quota) => [quota, sumUsage(quota, running)]));
  for (let room = 0; room < limit; room++) {
    const refused = checkQuotas(spec, inNamespace, (quota) => used.get(quota as KubeObject)!);
    if (refused) return { room, refusal: `the API server refuses it: ${refused.message}` };
    for (const [quota, sum] of used) if (inScope(quota, spec)) addUsage(sum, podUsage(spec), hardOf(quota), 1n);
  }
  return { room: limit };
}

/** A pod of the workload to copy: for a Deployment, one of its newest ReplicaSet (highest revision). */
function prototypeOf(
  workload: KubeObject,
  replicaSets: readonly KubeObject[],
  podsByOwner: ReadonlyMap<string, KubeObject[]>,
): KubeObject | undefined {
  if (groupKindOfObject(workload) !== 'Deployment.apps') return podsByOwner.get(uidOf(workload))?.[0];
  const revision = (rs: KubeObject): number =>
    Number(objectAt(objectAt(rs, 'metadata') ?? {}, 'annotations')?.['deployment.kubernetes.io/revision'] ?? 0);
  const owned = replicaSets.filter((rs) => controllerUidOf(rs) === uidOf(workload) && podsByOwner.has(uidOf(rs)));
  const newest = owned.reduce<KubeObject | undefined>(
    (best, rs) => (!best || revision(rs) > revision(best) ? rs : best),
    undefined,
  );
  return newest ? podsByOwner.get(uidOf(newest))![0] : undefined;
}

function extraPod(prototype: KubeObject, index: number): KubeObject {
  const metadata = objectAt(prototype, 'metadata') ?? {};
  const spec: Record<string, unknown> = { ...(objectAt(prototype, 'spec') ?? {}), preemptionPolicy: 'Never' };
  delete spec.nodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...metadata,
      name: `${nameOf(prototype)}-extra-${index + 1}`,
      uid: `${uidOf(prototype)}-extra-${index + 1}`,
    },
    spec,
    status: { phase: 'Pending' },
  };
}

/** `0/3 nodes are available: 3 Insufficient cpu.` without ` preemption: ...`: the copies do not preempt by design. */
function withoutPreemption(message: string): string {
  const cut = message.indexOf(' preemption: ');
  return cut < 0 ? message : message.slice(0, cut);
}
