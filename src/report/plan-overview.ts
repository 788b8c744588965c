import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { PlanResult } from '../commands/plan.js';
import type { KubeObject } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';
import { groupKindOfObject } from '../model/group-kind.js';
import { hasTrait } from '../model/workload-kinds.js';
import { nodeAllocatable, requestsReader } from '../simulate/scheduler/resources.js';
import { cached, pushTo } from '../model/maps.js';
import { nodeNameOf } from '../simulate/objects/pod-status.js';
import { uidOf } from '../simulate/state.js';
import { topController } from '../model/owner-chain.js';
import { nameOf, refOf } from '../model/object-ref.js';

/** The objects listed with their pods: workloads the plan runs, and bare Pods. */
function isListedWorkload(object: KubeObject): boolean {
  const kind = groupKindOfObject(object);
  return kind === 'Pod' || hasTrait(kind, 'runsInPlan');
}

export interface PodPlacement {
  name: string;
  /** Where the pod runs; for `node-missing`, the node it names that the cluster lacks. */
  node?: string;
  ip?: string;
  state: 'scheduled' | 'node-missing' | 'unschedulable';
  /** The scheduler's message for an unschedulable pod. */
  message?: string;
}

export interface WorkloadPlacement {
  ref: ObjectRef;
  /** ` of 3 wanted`, `, suspended`, or '' when the workload does not say. */
  wanted: string;
  pods: PodPlacement[];
  scheduled: number;
}

export interface NodeUsage {
  name: string;
  /** Millicores, bytes and pod counts: requested by the pods on the node, and allocatable. */
  cpu: [number, number];
  memory: [number, number];
  pods: [number, number];
}

export interface PlanOverview {
  nodes: NodeUsage[];
  workloads: WorkloadPlacement[];
}

/** How many pods the workload asks for: replicas, or a Job's first wave. */
function wanted(workload: KubeObject): string {
  const spec = (workload.spec ?? {}) as {
    replicas?: unknown;
    parallelism?: unknown;
    completions?: unknown;
    suspend?: unknown;
  };
  if (workload.kind === 'Job') {
    if (spec.suspend === true) return ', suspended';
    const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
    return ` of ${typeof spec.completions === 'number' ? Math.min(parallelism, spec.completions) : parallelism} wanted`;
  }
  return typeof spec.replicas === 'number' ? ` of ${spec.replicas} wanted` : '';
}

/**
 * What the plan's resulting state means for people: each workload's pods and where they run
 * (a pod belongs to the workload at the top of its owner chain), and each node's requested
 * resources against its allocatable. The text and Markdown reports render it.
 */
export function planOverview(result: PlanResult): PlanOverview {
  const objects = result.state.objects;
  const byUid = new Map(objects.map((o) => [uidOf(o), o]));
  const pods = objects.filter((o) => o.kind === 'Pod');
  const nodeObjects = objects.filter((o) => o.kind === 'Node');

  const tops = new Map<KubeObject, KubeObject>();
  const topOf = (object: KubeObject): KubeObject =>
    cached(tops, object, () => topController(object, (ref) => byUid.get(ref.uid)));
  const podsByWorkload = new Map<KubeObject, KubeObject[]>();
  const podsByNode = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    pushTo(podsByWorkload, topOf(pod), pod);
    const node = nodeNameOf(pod);
    if (node !== undefined) pushTo(podsByNode, node, pod);
  }
  // A pod bound to a node the cluster lacks runs nowhere (finding node-missing).
  const nodeNames = new Set(nodeObjects.map(nameOf));
  const placement = (pod: KubeObject): PodPlacement => {
    const node = nodeNameOf(pod);
    if (node !== undefined && nodeNames.has(node)) {
      const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
      return { name: nameOf(pod), node, ...(ip ? { ip } : {}), state: 'scheduled' };
    }
    if (node !== undefined) return { name: nameOf(pod), node, state: 'node-missing' };
    return { name: nameOf(pod), state: 'unschedulable', message: result.unschedulable.get(uidOf(pod)) ?? 'Pending' };
  };
  const workloads = objects
    .filter(
      (o) =>
        isListedWorkload(o) &&
        // A ReplicaSet of a Deployment, or a pod of a workload, is listed under that workload.
        ((o.kind !== 'ReplicaSet' && o.kind !== 'Pod') || topOf(o) === o),
    )
    .map((workload) => {
      const placed = (podsByWorkload.get(workload) ?? []).map(placement);
      return {
        ref: refOf(workload),
        wanted: wanted(workload),
        pods: placed,
        scheduled: placed.filter((p) => p.state === 'scheduled').length,
      };
    });

  const requestsOf = requestsReader();
  const nodes = nodeObjects.map((node): NodeUsage => {
    const allocatable = nodeAllocatable(node as unknown as INode);
    const here = podsByNode.get(nameOf(node)) ?? [];
    let cpu = 0;
    let memory = 0;
    for (const pod of here) {
      const requests = requestsOf(pod as unknown as IPod).requests;
      cpu += requests.get('cpu') ?? 0;
      memory += requests.get('memory') ?? 0;
    }
    return {
      name: nameOf(node),
      cpu: [cpu, allocatable.resources.get('cpu') ?? 0],
      memory: [memory, allocatable.resources.get('memory') ?? 0],
      pods: [here.length, allocatable.pods],
    };
  });
  return { nodes, workloads };
}

export function percent(used: number, total: number): string {
  return total > 0 ? `${Math.round((used * 100) / total)}%` : '-';
}
