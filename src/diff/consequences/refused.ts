import { findingAt, type Finding } from '../../model/finding.js';
import type { KubeObject, Manifest } from '../../model/manifest.js';
import { CrdRegistry, isCrd } from '../../validate/crd/crd-registry.js';
import { ManifestValidator } from '../../validate/validate-manifests.js';
import type { ObjectChange } from '../types.js';
import { cloneJson, dropNulls } from '../json.js';
import { dropUnknownFields } from '../unknown-fields.js';

export interface Admission {
  /** Each manifest the API server takes → the object as it stores it (without fields its kind does not have). */
  stored: Map<Manifest, Manifest>;
  /** Those it refuses (a value of the wrong type, a missing required field), each with its first schema error. */
  refused: Map<Manifest, Finding>;
}

/**
 * Splits the desired manifests as the API server would: an object with a schema error is
 * refused whole, so its change never happens; unknown fields alone do not refuse it: they are
 * dropped, as in the server's Warn field validation, and so are nulls (neither a misplaced field
 * nor a `creationTimestamp: null` may look like a template change that restarts pods).
 */
export async function admitManifests(manifests: readonly Manifest[], crds: readonly Manifest[] = []): Promise<Admission> {
  const validator = new ManifestValidator({ strict: false, crds: new CrdRegistry([...manifests, ...crds].filter(isCrd)) });
  const result: Admission = { stored: new Map(), refused: new Map() };
  for (const manifest of manifests) {
    const error = (await validator.validate(manifest)).find((f) => f.ruleId === 'schema-invalid');
    if (error) {
      result.refused.set(manifest, error);
      continue;
    }
    const object = dropNulls(cloneJson(manifest.object)) as KubeObject;
    dropUnknownFields(object);
    result.stored.set(manifest, { ...manifest, object });
  }
  return result;
}

/**
 * Marks the creates and updates of refused manifests (`refused` gives the reason) and reports
 * each at its first schema error: that change does not happen.
 */
export function markRefused(changes: readonly ObjectChange[], admission: Admission): { changes: ObjectChange[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const marked = changes.map((change) => {
    const error = change.desired && admission.refused.get(change.desired);
    if (!error || change.action === 'unmanaged' || change.action === 'delete') return change;
    findings.push(findingAt(change.desired!, { ruleId: 'object-rejected', severity: 'error', pointer: error.pointer, phase: 'diff', message: `the API server refuses this object, so its change does not happen: ${error.message}` }));
    return { ...change, refused: error.message };
  });
  return { changes: marked, findings };
}
