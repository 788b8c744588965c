/**
 * kubeplan's kube-scheduler: filters and scores pending pods against a cluster model, with
 * kube-scheduler's plugins, reason strings and FailedScheduling message. See docs/scheduler.md.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { INamespace } from 'kubernetes-models/v1/Namespace';

export interface SchedulingInput {
  /** Node objects; status.allocatable may be missing (defaulted from status.capacity; pods default 110). */
  nodes: INode[];
  /** Pods already on nodes (spec.nodeName set): they use resources and host ports and take part in affinity/spreading. */
  boundPods: IPod[];
  /** Pods to schedule, in creation order; spec.priority already resolved (undefined = 0); already API-defaulted. */
  pendingPods: IPod[];
  /** For namespaceSelector in inter-pod affinity terms (labels of namespaces). */
  namespaces?: INamespace[];
}

export interface NodeVerdict {
  node: string;
  plugin?: string;
  reasons: string[];
  score?: number;
  scores?: Record<string, number>;
}

export interface SchedulingOutcome {
  /** The pending pod as given. */
  pod: IPod;
  /** Where it was bound. */
  nodeName?: string;
  /** When unschedulable: the exact FailedScheduling message ("0/3 nodes are available: ..."). */
  message?: string;
  /** Per node: rejecting plugin + reasons, or (for feasible nodes) the final score and per-plugin weighted scores; sorted by node name. */
  verdicts: NodeVerdict[];
}

/** Outcomes in the order pods were scheduled. Work in progress: the implementation lands next. */
export function schedule(input: SchedulingInput): SchedulingOutcome[] {
  void input;
  throw new Error('kubeplan scheduler: not implemented yet');
}
