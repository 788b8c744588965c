import { compareFindings, type Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import { loadManifests, type LoadOptions } from '../load/load-manifests.js';
import { CrdRegistry, isCrd } from '../validate/crd/crd-registry.js';
import { ManifestValidator } from '../validate/validate-manifests.js';
import type { KubeplanConfig } from '../config/config-types.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubeVersion } from '../lint/kube-version.js';
import { resolveRuleSettings } from '../lint/rule-settings.js';
import { runRules, type SuppressedFinding } from '../lint/run-rules.js';
import { BUILTIN_RULES } from '../../rules/index.js';

export interface LintOptions extends LoadOptions {
  /** Unknown fields are errors (default true). */
  strict?: boolean;
  /** Extra files or directories whose CustomResourceDefinitions validate custom resources. */
  crds?: readonly string[];
  /** A loaded `.kubeplan.yaml`; the options below take precedence over it. */
  config?: KubeplanConfig;
  /** The Kubernetes release to check against (`"1.30"`); default: the config's, else the release kubeplan ships schemas for. */
  kubernetesVersion?: string;
  /** False makes `kubeplan.io/ignore` annotations ineffective; default: the config's, else true. */
  inlineIgnores?: boolean;
  /** Runs only these rules (by id), at their configured or default severity. */
  onlyRules?: readonly string[];
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

/**
 * Loads the inputs, checks every object against its schema, then runs the rules over all
 * objects together. Findings come back sorted by file and position; bad input is reported as
 * findings, never thrown. An invalid `kubernetesVersion` is a caller's mistake and throws.
 */
export async function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const config = options.config ?? {};
  const versionText = options.kubernetesVersion ?? config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const kubernetesVersion = parseKubeVersion(versionText);
  if (!kubernetesVersion) throw new TypeError(`invalid Kubernetes version "${versionText}" (expected e.g. 1.30)`);

  const exclude = [...(options.exclude ?? []), ...(config.ignorePaths ?? [])];
  const loaded = await loadManifests(inputs, { ...options, exclude });
  const findings = [...loaded.findings];
  let ioErrors = loaded.ioErrors;

  const crdManifests = loaded.manifests.filter(isCrd);
  if (options.crds?.length) {
    const extra = await loadManifests(options.crds, { ...options, readStdin: undefined });
    crdManifests.push(...extra.manifests.filter(isCrd));
    findings.push(...extra.findings.filter((f) => f.severity === 'error'));
    ioErrors += extra.ioErrors;
  }

  const validator = new ManifestValidator({ strict: options.strict ?? true, crds: new CrdRegistry(crdManifests) });
  for (const manifest of loaded.manifests) findings.push(...(await validator.validate(manifest)));

  const rules = runRules(loaded.manifests, {
    settings: resolveRuleSettings(BUILTIN_RULES, config.rules, options.onlyRules),
    kubernetesVersion,
    inlineIgnores: options.inlineIgnores ?? config.inlineIgnores?.enabled ?? true,
    forbidIgnore: new Set(config.inlineIgnores?.forbid ?? []),
    knownRuleIds: new Set(BUILTIN_RULES.map((r) => r.meta.id)),
  });
  findings.push(...rules.findings);
  findings.sort(compareFindings);
  const suppressed = rules.suppressed.sort((a, b) => compareFindings(a.finding, b.finding));
  return {
    findings,
    manifests: loaded.manifests,
    suppressed,
    summary: {
      files: loaded.files,
      documents: loaded.documents,
      objects: loaded.manifests.length,
      ...countBySeverity(findings),
      ioErrors,
      suppressed: suppressed.length,
    },
  };
}
