/**
 * A fixed arithmetic loop over typed arrays, timed in the same run as a benchmark: on a shared
 * machine its time shows how much CPU the benchmark actually got, so figures from different runs
 * can be compared.
 */
export function referenceLoop(): number {
  const a = new Float64Array(1000).map((_, i) => 1e9 + i);
  const out = new Int32Array(1000);
  const t = performance.now();
  for (let round = 0; round < 10000; round++) {
    for (let j = 0; j < 1000; j++) out[j] = Math.trunc(((a[j]! - round) * 100) / a[j]!);
  }
  return performance.now() - t;
}
