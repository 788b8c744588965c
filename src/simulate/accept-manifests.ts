import { findingAt, type Finding } from '../model/finding.js';
import { formatPointer, parsePointer, valueAt } from '../model/json-pointer.js';
import { isObject } from '../model/json.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { CrdRegistry } from '../validate/crd/crd-registry.js';
import { ManifestValidator } from '../validate/validate-manifests.js';
import { identityKey } from '../model/object-ref.js';
import { fieldValidationProblem } from './admission/field-validation.js';
import { removedVersionProblem } from './admission/removed-version.js';
import { type KubeVersion, runKubernetesVersion } from '../lint/kube-version.js';
import { copyJson, isCyclic } from '../model/copy-json.js';

/** Validation findings that make the API server refuse an object: a schema error, or a kind or version it does not serve. */
const REFUSING = new Set(['schema-invalid', 'api-unknown']);

/** An object the API server refuses, and why. */
export interface Refusal {
  manifest: Manifest;
  /** The plan's `object-rejected` finding, at the first reason. */
  finding: Finding;
  /** The finding that explains it (a schema error, or the lint rule that checks the same field); its message is the reason alone. */
  cause: Finding;
}

export interface AcceptedManifests {
  /** The objects as the API server keeps them: unknown fields dropped. */
  accepted: Manifest[];
  /** The objects the API server refuses, in input order. */
  refused: Refusal[];
}

/**
 * What the API server does with each input object before any controller sees it: it refuses
 * one with a schema error, of a kind it does not serve, or with a field its validation refuses
 * that the simulation reads (field-validation.ts), and drops unknown fields from the others, as
 * a server in `Warn` field-validation mode does (lint reports them). An object that contains
 * itself through YAML aliases cannot even be sent.
 */
export async function acceptManifests(
  manifests: readonly Manifest[],
  crds: readonly Manifest[],
  /** The strict schema findings of each manifest when already known (one validation per run); else validated here. */
  validated?: (manifest: Manifest) => Promise<readonly Finding[]>,
  /** The release the cluster runs: what it no longer serves is refused. */
  target: KubeVersion = runKubernetesVersion({}),
): Promise<AcceptedManifests> {
  const validator = new ManifestValidator({ strict: true, crds: new CrdRegistry(crds) });
  const validate = validated ?? ((manifest: Manifest) => validator.validate(manifest));
  const result: AcceptedManifests = { accepted: [], refused: [] };
  const refuse = (manifest: Manifest, cause: Finding): void => {
    result.refused.push({
      manifest,
      cause,
      finding: {
        ...cause,
        ruleId: 'object-rejected',
        severity: 'error',
        phase: 'simulate',
        message: `the API server refuses this object, so the plan leaves it out: ${cause.message}`,
      },
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
    // A warning (a version the cluster may turn on) is no refusal.
    const refusal =
      found.find((f) => REFUSING.has(f.ruleId) && f.severity === 'error') ??
      removedVersionProblem(manifest, target) ??
      fieldValidationProblem(manifest);
    if (refusal) {
      refuse(manifest, refusal);
      continue;
    }
    const unknown = found.filter((f) => f.ruleId === 'schema-unknown-field').map((f) => f.pointer);
    result.accepted.push(unknown.length ? { ...manifest, object: withoutFields(manifest.object, unknown) } : manifest);
  }
  return result;
}

/**
 * The `object-rejected` findings of the refusals whose cause `reported` (the findings a run
 * already shows, e.g. check's lint findings) does not show: for the others it would only repeat
 * it. A cause that lint did not show (a rule turned off or suppressed) keeps the refusal.
 */
export function unreportedRefusals(refusals: readonly Refusal[], reported: readonly Finding[] = []): Finding[] {
  const shown = new Set(reported.map(causeKey));
  return refusals.filter((r) => !shown.has(causeKey(r.cause))).map((r) => r.finding);
}

/** What identifies a cause: rule, file and object. */
function causeKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.file}\u0000${f.object ? identityKey(f.object) : ''}`;
}

/** A copy of the object without the fields at `pointers` (the rest keeps its source positions). */
function withoutFields(object: KubeObject, pointers: readonly string[]): KubeObject {
  const copy = copyJson(object);
  for (const pointer of pointers) {
    const path = parsePointer(pointer);
    const last = path.pop();
    const parent = valueAt(copy, formatPointer(path));
    if (last !== undefined && isObject(parent)) delete parent[last];
  }
  return copy;
}
