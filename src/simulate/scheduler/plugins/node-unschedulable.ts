/** NodeUnschedulable filter: cordoned nodes (spec.unschedulable) take no new pods unless tolerated. */
import type { NodeModel } from '../cluster.js';
import { type Toleration, toleratesAny } from '../../../model/selectors/tolerations.js';

export const NAME = 'NodeUnschedulable';
export const REASON = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };

/** A pod tolerating the node.kubernetes.io/unschedulable:NoSchedule taint may land on a cordoned node. */
export function fits(node: NodeModel, tolerations: readonly Toleration[]): boolean {
  return !node.unschedulable || toleratesAny(tolerations, UNSCHEDULABLE_TAINT);
}
