/** Score normalisation shared by several plugins (helper.DefaultNormalizeScore), in Go's integer arithmetic. */

export const MAX_NODE_SCORE = 100;

/**
 * Scales scores to 0..max by the highest one (truncating division); with `reverse`, max minus that.
 * When every score is 0, reverse gives everyone the maximum and forward leaves them at 0.
 */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: Int32Array | number[]): void {
  let highest = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > highest) highest = scores[i]!;
  if (highest === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = max;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((max * scores[i]!) / highest);
    scores[i] = reverse ? max - s : s;
  }
}
