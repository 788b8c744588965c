/**
 * NodeResourcesFit. Filter: one more pod must fit under the node's pod count, and each resource the
 * pod requests (> 0) must fit in allocatable minus what is already requested; every shortfall is
 * listed. A shortfall larger than the node's whole allocatable makes the rejection unresolvable
 * (preemption cannot help). Score (LeastAllocated, cpu and memory weight 1): per resource
 * (allocatable − requested) × 100 / allocatable, weighted mean, integer division throughout.
 */
import { MAX_NODE_SCORE } from '../normalize.js';

export const NAME = 'NodeResourcesFit';
export const WEIGHT = 1;
export const TOO_MANY_PODS = 'Too many pods';

export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** The free share of one resource on a 0..100 scale; 0 when over-requested or nothing is allocatable. */
export function leastRequestedScore(requested: number, allocatable: number): number {
  if (allocatable === 0) return 0;
  // Stryker disable next-line EqualityOperator: at requested == allocatable the formula below gives 0 as well
  if (requested > allocatable) return 0;
  return Math.trunc(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}

/**
 * The weighted mean of the per-resource scores; resources with nothing allocatable are left out
 * (and so are extended resources the pod does not request: callers pass allocatable 0 for them).
 */
export function leastAllocatedScore(
  requested: readonly number[],
  allocatable: readonly number[],
  weights: readonly number[],
): number {
  let score = 0;
  let weightSum = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    score += leastRequestedScore(requested[i]!, allocatable[i]!) * weights[i]!;
    weightSum += weights[i]!;
  }
  return weightSum === 0 ? 0 : Math.trunc(score / weightSum);
}
