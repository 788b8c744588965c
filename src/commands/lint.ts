import { compareFindings, type Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import { loadManifests, type LoadOptions } from '../load/load-manifests.js';
import { CrdRegistry, isCrd } from '../validate/crd/crd-registry.js';
import { ManifestValidator } from '../validate/validate-manifests.js';

export interface LintOptions extends LoadOptions {
  /** Unknown fields are errors (default true). */
  strict?: boolean;
  /** Extra files or directories whose CustomResourceDefinitions validate custom resources. */
  crds?: readonly string[];
}

export interface LintResult {
  findings: Finding[];
  summary: Summary;
  /** Every object loaded from the inputs (not those of `crds`), in input order. */
  manifests: Manifest[];
}

/**
 * Loads the inputs and checks every object against its schema. Findings come back sorted by
 * file and position; bad input is reported as findings, never thrown.
 */
export async function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const loaded = await loadManifests(inputs, options);
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

  findings.sort(compareFindings);
  return {
    findings,
    manifests: loaded.manifests,
    summary: { files: loaded.files, documents: loaded.documents, objects: loaded.manifests.length, ...countBySeverity(findings), ioErrors },
  };
}
