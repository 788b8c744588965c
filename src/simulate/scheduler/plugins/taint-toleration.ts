/**
 * TaintToleration: the filter rejects a node with a NoSchedule or NoExecute taint the pod does not
 * tolerate (naming the first such taint); the score counts untolerated PreferNoSchedule taints and is
 * normalised in reverse, so a node with none gets the maximum.
 */
import { formatTaint, type Taint, type Toleration, toleratesAny } from '../../../model/selectors/tolerations.js';

export { firstUntoleratedTaint } from '../../../model/selectors/tolerations.js';

export const NAME = 'TaintToleration';
export const WEIGHT = 3;

export function reason(taint: Taint): string {
  return `node(s) had untolerated taint ${formatTaint(taint)}`;
}

/**
 * Only tolerations with effect PreferNoSchedule or no effect count for scoring. kube-scheduler picks
 * those out first; every toleration can be tried here, as one with another effect never tolerates a
 * PreferNoSchedule taint (tolerates() compares effects).
 */
export function countIntolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let count = 0;
  for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !toleratesAny(tolerations, taint)) count++;
  return count;
}
