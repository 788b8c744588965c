/**
 * NodeResourcesBalancedAllocation: favours nodes whose cpu and memory the pod leaves used in more
 * equal shares than before. A balance is int((1 − spread) × 100), in float64 as Go computes it,
 * where each share is requested / allocatable capped at 1 and, with two resources, the spread is
 * |a − b| / 2, with more the standard deviation. Since v1.35 the score is the improvement
 * 50 + (50 + balance with the pod − balance without it) / 2 (integer division), so 75 when the pod
 * changes nothing. Uses actual requests (no 100m/200Mi defaults) and is skipped for a pod that
 * requests none of the scored resources.
 */
import { MAX_NODE_SCORE } from '../normalize.js';

export const NAME = 'NodeResourcesBalancedAllocation';
export const WEIGHT = 1;

/** Resources with nothing allocatable are left out (callers pass 0 for unrequested extended resources). */
export function balancedAllocationScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i]! / allocatable[i]!, 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 0) {
    // Also right for one fraction, whose deviation is 0; none would divide by zero.
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum = sum + (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * The score from the balance with the pod and without it (both 50..100): 50..100 again, above 75
 * when the pod improves the balance, below when it worsens it.
 */
export function balanceImprovementScore(withPod: number, withoutPod: number): number {
  const half = MAX_NODE_SCORE / 2;
  return half + Math.trunc((half + withPod - withoutPod) / 2);
}

/** The two-resource case of balancedAllocationScore without allocation, for the scheduling loop. */
export function balancedCpuMemory(cpuReq: number, cpuAlloc: number, memReq: number, memAlloc: number): number {
  // With one fraction or none the spread is 0.
  if (cpuAlloc === 0 || memAlloc === 0) return MAX_NODE_SCORE;
  const a = Math.min(cpuReq / cpuAlloc, 1);
  const b = Math.min(memReq / memAlloc, 1);
  return Math.trunc((1 - Math.abs((a - b) / 2)) * MAX_NODE_SCORE);
}
