import type { ChangeCounts } from '../diff/types.js';
import type { RuleProfile } from '../lint/rule-profiles.js';
import { isLoadedInputs, type LoadedInputs, loadFindings, loadInputs, loadIoErrors } from '../load/inputs.js';
import { compareFindings, type Finding } from '../model/finding.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import { type DiffOptions, type DiffResult, diffResult, runDiff } from './diff.js';
import { type LintResult, lintResult, lintStage } from './lint.js';
import { type PlanResult, planResult, runPlan } from './plan.js';

export interface CheckOptions extends Omit<DiffOptions, 'current'> {
  /** The current state (see `DiffOptions.current`); without it there is no diff, and the plan runs on an empty cluster. */
  current?: readonly string[];
  /** Lint: the Kubernetes release to check against, annotations honoured (see `LintOptions`). */
  kubernetesVersion?: string;
  inlineIgnores?: boolean;
  /** Lint: which rules run (see `LintOptions.profile`). */
  profile?: RuleProfile;
}

export interface CheckSummary extends Summary {
  /** Rule findings suppressed by `kubeplan.io/ignore` annotations. */
  suppressed: number;
  /** With a current state: what applying changes. */
  changes?: ChangeCounts;
  generated?: number;
  outside?: number;
}

export interface CheckResult {
  lint: LintResult;
  /** With `current`: the diff, its consequences and the plan of the manifests applied over the current state. */
  diff?: DiffResult;
  /** Without `current`: the plan on an empty cluster. */
  plan?: PlanResult;
  /** Every finding of lint, plan and diff, each once, in file and position order. */
  findings: Finding[];
  summary: CheckSummary;
}

/**
 * Findings of several lists, each once by rule, position and message, without a refusal that
 * repeats a schema error at the same position.
 * @deprecated `check` no longer needs it: each stage reports its own findings once. Kept for
 * library users.
 */
export function mergeFindings(...lists: ReadonlyArray<readonly Finding[]>): Finding[] {
  const seen = new Set<string>();
  const schemaErrors = new Set<string>();
  const merged: Finding[] = [];
  for (const f of lists.flat()) {
    const at = `${f.file}:${f.line}:${f.column}`;
    const key = `${f.ruleId}|${at}|${f.message}`;
    if (seen.has(key) || (f.ruleId === 'object-rejected' && schemaErrors.has(at))) continue;
    seen.add(key);
    if (f.ruleId === 'schema-invalid') schemaErrors.add(at);
    merged.push(f);
  }
  return merged.sort(compareFindings);
}

/**
 * `kubeplan check`: lint, plan and diff in one run, one list of findings and one exit code (see
 * `exitCodeFor`). The inputs are read once (loadInputs) and validated once; each finding comes
 * from the stage that owns it: loading problems from the load, schema and rule findings from
 * lint, the rest from the plan or the diff (which leave out the refusals lint's schema findings
 * already explain). With a current state the plan is the one the diff runs (the manifests
 * applied over the current state, old pods included); without, `plan` on an empty cluster.
 * Throws `CurrentSourceError` when the current state cannot be used at all.
 */
export async function check(
  inputs: readonly string[] | LoadedInputs,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const loaded = isLoadedInputs(inputs) ? inputs : await loadInputs(inputs, options);
  const linting = await lintStage(loaded, options);
  const linted = lintResult(loaded, linting);
  const findings = [...loadFindings(loaded), ...linting.findings];
  let ioErrors = loadIoErrors(loaded);
  let diffed: DiffResult | undefined;
  let planned: PlanResult | undefined;
  if (loaded.current) {
    const run = await runDiff(loaded, { ...options, reported: linting.findings });
    diffed = diffResult(loaded, run);
    for (const finding of [run.findings, run.planFindings].flat()) findings.push(finding);
    ioErrors += run.ioErrors;
  } else {
    const run = await runPlan(loaded, { ...options, reported: linting.findings });
    planned = planResult(loaded, run, options);
    for (const finding of run.findings) findings.push(finding);
    ioErrors += run.ioErrors;
  }
  findings.sort(compareFindings);
  const s = linted.summary;
  return {
    lint: linted,
    ...(diffed ? { diff: diffed } : {}),
    ...(planned ? { plan: planned } : {}),
    findings,
    summary: {
      files: s.files,
      documents: s.documents,
      objects: s.objects,
      ...countBySeverity(findings),
      ioErrors,
      suppressed: s.suppressed,
      ...(diffed
        ? { changes: diffed.summary.changes, generated: diffed.summary.generated, outside: diffed.summary.outside }
        : {}),
    },
  };
}
