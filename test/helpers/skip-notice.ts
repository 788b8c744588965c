/**
 * Says why tests are skipped. Jest keeps back the console output of a suite whose tests are all
 * skipped, so the notice goes to standard error directly.
 */
export function printSkip(reason: string): void {
  process.stderr.write(`skipped: ${reason}\n`);
}
