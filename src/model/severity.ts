export type Severity = 'error' | 'warning' | 'info';

/** The level at which findings make the run fail; `never` always exits 0 for findings. */
export type FailOn = Severity | 'never';

/** The values of `--fail-on`, `failOn` and the Action's `fail-on`, most to least strict reading. */
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

// `never` ranks above every severity, so no finding meets it.
const RANK: Record<FailOn, number> = { info: 1, warning: 2, error: 3, never: Number.POSITIVE_INFINITY };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when a finding of `severity` makes a run with `failOn` fail. */
export function meetsFailLevel(severity: Severity, failOn: FailOn): boolean {
  return RANK[severity] >= RANK[failOn];
}
