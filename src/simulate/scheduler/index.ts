/**
 * kubeplan's kube-scheduler: places pending pods on a cluster model with kube-scheduler's default
 * plugins, scores, reason strings and FailedScheduling message. See docs/scheduler.md.
 */
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IReplicationController } from 'kubernetes-models/v1/ReplicationController';
import type { IService } from 'kubernetes-models/v1/Service';
import { runScheduler } from './schedule.js';

export interface SchedulingInput {
  /** Node objects; status.allocatable may be missing (defaulted from status.capacity; pods default 110). */
  nodes: INode[];
  /** Pods already on nodes (spec.nodeName set): they use resources and host ports and take part in affinity/spreading. */
  boundPods: IPod[];
  /** Pods to schedule, in creation order; spec.priority already resolved (undefined = 0); already API-defaulted. */
  pendingPods: IPod[];
  /** For namespaceSelector in inter-pod affinity terms (labels of namespaces). */
  namespaces?: INamespace[];
  /**
   * For kube-scheduler's system-default topology spreading (scoring only), applied to a pod with no
   * topologySpreadConstraints: the Services selecting it and its controlling ReplicaSet, StatefulSet
   * or ReplicationController (found through the pod's controller ownerReference). Omit them all to
   * leave default spreading out.
   */
  services?: IService[];
  replicaSets?: IReplicaSet[];
  statefulSets?: IStatefulSet[];
  replicationControllers?: IReplicationController[];
}

export interface NodeVerdict {
  node: string;
  /** The first filter plugin that rejected the node. */
  plugin?: string;
  reasons: string[];
  /** For feasible nodes when more than one was feasible: the total weighted score. */
  score?: number;
  /** Weighted score per plugin that scored the pod, e.g. { TaintToleration: 300, NodeResourcesFit: 87 }. */
  scores?: Record<string, number>;
}

export interface SchedulingOutcome {
  /** The pending pod as given. */
  pod: IPod;
  /** Where it was bound. */
  nodeName?: string;
  /** When unschedulable: the exact FailedScheduling message ("0/3 nodes are available: ..."). */
  message?: string;
  /**
   * Per node: rejecting plugin + reasons, or (for feasible nodes) the final score and per-plugin
   * weighted scores; sorted by node name. Empty for pods bound by their author or gated.
   */
  verdicts: NodeVerdict[];
  /**
   * Set when the pod got its node by preempting lower-priority pods. `message` is the
   * FailedScheduling message of the first attempt (kube-scheduler emits it before nominating), the
   * verdicts are those of that attempt, and the victims (most important first) are gone: their
   * controllers must recreate them.
   */
  preemption?: { nominatedNodeName: string; victims: IPod[]; message: string };
  /** spec.schedulingGates is not empty: kube-scheduler leaves the pod alone (SchedulingGated). */
  gated?: boolean;
}

/**
 * Outcomes in the order pods were scheduled (priority, then creation order). Pure and deterministic:
 * the input is not modified and the same input always gives the same outcomes.
 */
export function schedule(input: SchedulingInput): SchedulingOutcome[] {
  return runScheduler(input);
}
