/**
 * TaintToleration: the filter rejects a node with a NoSchedule or NoExecute taint the pod does not
 * tolerate (naming the first such taint); the score counts untolerated PreferNoSchedule taints and is
 * normalised in reverse, so a node with none gets the maximum.
 */
import { type Taint, type Toleration, toleratesAny } from '../taints.js';

export const NAME = 'TaintToleration';
export const WEIGHT = 3;

export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratesAny(tolerations, taint)) return taint;
  }
  return undefined;
}

export function reason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value}}`;
}

/** Only tolerations with effect PreferNoSchedule or no effect count for scoring. */
export function countIntolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  const relevant = tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule');
  let count = 0;
  for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !toleratesAny(relevant, taint)) count++;
  return count;
}
