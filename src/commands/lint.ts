import { BUILTIN_RULES } from '../../rules/index.js';
import type { KubeplanConfig } from '../config/config-types.js';
import { runKubernetesVersion } from '../lint/kube-version.js';
import type { RuleProfile } from '../lint/rule-profiles.js';
import { resolveRuleSettings } from '../lint/rule-settings.js';
import { runRules, type SuppressedFinding } from '../lint/run-rules.js';
import {
  type InputOptions,
  isLoadedInputs,
  type LoadedInputs,
  loadFindings,
  loadInputs,
  loadIoErrors,
} from '../load/inputs.js';
import { compareFindings, type Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import { validateInputs } from './validate-inputs.js';

export interface LintOptions extends Omit<InputOptions, 'current'> {
  /** Unknown fields are errors (default true). */
  strict?: boolean;
  /** A loaded `.kubeplan.yaml`; the options below take precedence over it. */
  config?: KubeplanConfig;
  /** The Kubernetes release to check against (`"1.30"`); default: the config's, else the release kubeplan ships schemas for. */
  kubernetesVersion?: string;
  /** False makes `kubeplan.io/ignore` annotations ineffective; default: the config's, else true. */
  inlineIgnores?: boolean;
  /** Runs only these rules (by id), at their configured or default severity. */
  onlyRules?: readonly string[];
  /** Which rules run (rule-profiles.ts); default: the config's, else `default`. */
  profile?: RuleProfile;
}

export interface LintSummary extends Summary {
  /** Rule findings that a `kubeplan.io/ignore` annotation suppressed. */
  suppressed: number;
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
  /** Every object loaded from the inputs (not those of `crds`), in input order. */
  manifests: Manifest[];
  /** The findings annotations suppressed, sorted like `findings`, with the reason given. */
  suppressed: SuppressedFinding[];
}

/** What lint adds to the loaded inputs: schema and rule findings. */
export interface LintStage {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * The schema findings of every manifest (validated once per run: validateInputs) and the rules
 * run over all of them together; loading problems are not among them (see `lint`).
 */
export async function lintStage(loaded: LoadedInputs, options: LintOptions = {}): Promise<LintStage> {
  const config = options.config ?? {};
  const kubernetesVersion = runKubernetesVersion(options);
  const strict = options.strict ?? true;
  const validation = validateInputs(loaded);
  const findings: Finding[] = [];
  for (const manifest of loaded.desired.manifests) {
    const found = await validation.of(manifest);
    for (const item of strict ? found : found.filter((f) => f.ruleId !== 'schema-unknown-field')) findings.push(item);
  }
  const rules = runRules(loaded.desired.manifests, {
    settings: resolveRuleSettings(BUILTIN_RULES, config.rules, options.onlyRules, options.profile ?? config.profile),
    kubernetesVersion,
    inlineIgnores: options.inlineIgnores ?? config.inlineIgnores?.enabled ?? true,
    forbidIgnore: new Set(config.inlineIgnores?.forbid ?? []),
    knownRuleIds: new Set(BUILTIN_RULES.map((r) => r.meta.id)),
  });
  for (const item of rules.findings) findings.push(item);
  return { findings, suppressed: rules.suppressed.sort((a, b) => compareFindings(a.finding, b.finding)) };
}

/** The result of `lint`: the loading problems and the stage's findings, sorted. */
export function lintResult(loaded: LoadedInputs, stage: LintStage): LintResult {
  const findings = [...loadFindings(loaded), ...stage.findings].sort(compareFindings);
  return {
    findings,
    manifests: loaded.desired.manifests,
    suppressed: stage.suppressed,
    summary: {
      files: loaded.desired.files,
      documents: loaded.desired.documents,
      objects: loaded.desired.manifests.length,
      ...countBySeverity(findings),
      ioErrors: loadIoErrors(loaded),
      suppressed: stage.suppressed.length,
    },
  };
}

/**
 * Loads the inputs (or takes them loaded: loadInputs), checks every object against its schema,
 * then runs the rules over all objects together. Findings come back sorted by file and position;
 * bad input is reported as findings, never thrown. An invalid `kubernetesVersion` is a caller's
 * mistake and throws.
 */
export async function lint(inputs: readonly string[] | LoadedInputs, options: LintOptions = {}): Promise<LintResult> {
  runKubernetesVersion(options);
  const loaded = isLoadedInputs(inputs) ? inputs : await loadInputs(inputs, options);
  return lintResult(loaded, await lintStage(loaded, options));
}
