import { diff, type DiffOptions, type DiffResult } from './diff.js';
import { lint, type LintResult } from './lint.js';
import { plan, type PlanResult } from './plan.js';
import { compareFindings, type Finding } from '../model/finding.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import type { ChangeCounts } from '../diff/types.js';

export interface CheckOptions extends Omit<DiffOptions, 'current'> {
  /** The current state (see `DiffOptions.current`); without it there is no diff, and the plan runs on an empty cluster. */
  current?: readonly string[];
  /** Lint: the Kubernetes release to check against, annotations honoured (see `LintOptions`). */
  kubernetesVersion?: string;
  inlineIgnores?: boolean;
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

/** Inputs that could not be read at all: each stage reads the manifests, so they are counted once per file. */
const IO_RULE = 'file-unreadable';

/**
 * The findings of all stages, each once: the manifests are read by every stage, so loading
 * problems repeat; and the plan's and the diff's `object-rejected` repeat lint's schema error at
 * the same position.
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

/** Reads standard input once for every stage that reads the manifests. */
function sharedStdin(read: (() => Promise<Uint8Array>) | undefined): (() => Promise<Uint8Array>) | undefined {
  if (!read) return undefined;
  let once: Promise<Uint8Array> | undefined;
  return () => (once ??= read());
}

/**
 * `kubeplan check`: lint, plan and diff in one run, one list of findings and one exit code (see
 * `exitCodeFor`). With a current state the plan is the one the diff runs (the manifests applied
 * over the current state, old pods included); without, `plan` on an empty cluster. Throws
 * `CurrentSourceError` when the current state cannot be used at all.
 */
export async function check(inputs: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const readStdin = sharedStdin(options.readStdin);
  const shared = { ...options, ...(readStdin ? { readStdin } : {}) };
  const linted = await lint(inputs, {
    ...shared,
    ...(options.config ? { config: options.config } : {}),
  });
  let diffed: DiffResult | undefined;
  let planned: PlanResult | undefined;
  let findings: Finding[];
  if (options.current?.length) {
    diffed = await diff(inputs, { ...shared, current: options.current });
    findings = mergeFindings(linted.findings, diffed.planFindings, diffed.findings);
  } else {
    const nodeGroups = options.config?.cluster?.nodeGroups;
    const clusterConfig = options.clusterConfig ?? (nodeGroups ? { nodeGroups, file: '.kubeplan.yaml' } : undefined);
    planned = await plan(inputs, {
      ...shared,
      exclude: [...(options.exclude ?? []), ...(options.config?.ignorePaths ?? [])],
      ...(options.cluster ? { cluster: options.cluster } : {}),
      ...(clusterConfig ? { clusterConfig } : {}),
    });
    findings = mergeFindings(linted.findings, planned.findings);
  }
  const ioErrors = new Set(findings.filter((f) => f.ruleId === IO_RULE && f.severity === 'error').map((f) => f.file))
    .size;
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
