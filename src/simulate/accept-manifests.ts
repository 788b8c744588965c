import { findingAt, type Finding } from '../model/finding.js';
import { parsePointer } from '../model/json-pointer.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { CrdRegistry } from '../validate/crd/crd-registry.js';
import { ManifestValidator } from '../validate/validate-manifests.js';
import { copyJson, isCyclic } from './objects/copy-json.js';

/** Validation findings that make the API server refuse an object: a schema error, or a kind or version it does not serve. */
const REFUSING = new Set(['schema-invalid', 'api-unknown']);

export interface AcceptedManifests {
  /** The objects as the API server keeps them: unknown fields dropped. */
  accepted: Manifest[];
  /** The objects the API server refuses. */
  refused: Manifest[];
  /** `object-rejected` for each refused object, at the first reason. */
  findings: Finding[];
  /** That first reason alone, for each refused object (`spec.replicas: expected integer, ...`). */
  reasons: string[];
}

/**
 * What the API server does with each input object before any controller sees it: it refuses
 * one with a schema error or of a kind it does not serve, and drops unknown fields from the
 * others, as a server in `Warn` field-validation mode does (lint reports them). An object that
 * contains itself through YAML aliases cannot even be sent.
 */
export async function acceptManifests(
  manifests: readonly Manifest[],
  crds: readonly Manifest[],
  /** The strict schema findings of each manifest when already known (one validation per run); else validated here. */
  validated?: (manifest: Manifest) => Promise<readonly Finding[]>,
): Promise<AcceptedManifests> {
  const validator = new ManifestValidator({ strict: true, crds: new CrdRegistry(crds) });
  const validate = validated ?? ((manifest: Manifest) => validator.validate(manifest));
  const result: AcceptedManifests = { accepted: [], refused: [], findings: [], reasons: [] };
  const refuse = (manifest: Manifest, why: Finding): void => {
    result.refused.push(manifest);
    result.reasons.push(why.message);
    result.findings.push({
      ...why,
      ruleId: 'object-rejected',
      severity: 'error',
      phase: 'simulate',
      message: `the API server refuses this object, so the plan leaves it out: ${why.message}`,
    });
  };
  for (const manifest of manifests) {
    if (isCyclic(manifest.object)) {
      refuse(
        manifest,
        findingAt(manifest, {
          ruleId: 'object-rejected',
          severity: 'error',
          message: 'it contains itself through a YAML alias, which has no JSON form',
          pointer: '',
          phase: 'simulate',
        }),
      );
      continue;
    }
    const found = await validate(manifest);
    const refusal = found.find((f) => REFUSING.has(f.ruleId));
    if (refusal) {
      refuse(manifest, refusal);
      continue;
    }
    const unknown = found.filter((f) => f.ruleId === 'schema-unknown-field').map((f) => f.pointer);
    result.accepted.push(unknown.length ? { ...manifest, object: withoutFields(manifest.object, unknown) } : manifest);
  }
  return result;
}

/** A copy of the object without the fields at `pointers` (the rest keeps its source positions). */
function withoutFields(object: KubeObject, pointers: readonly string[]): KubeObject {
  const copy = copyJson(object);
  for (const pointer of pointers) {
    const path = parsePointer(pointer);
    const last = path.pop();
    let parent: unknown = copy;
    for (const segment of path)
      parent = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[segment] : undefined;
    if (last !== undefined && parent !== null && typeof parent === 'object' && !Array.isArray(parent))
      delete (parent as Record<string, unknown>)[last];
  }
  return copy;
}
