import { isObject, type JsonObject } from '../../../model/json.js';
import type { KubeObject } from '../../../model/manifest.js';
import { compareValues } from './compare.js';
import { firstDuplicate } from './duplicate-items.js';
import { type FieldPath, FieldSet } from './field-set.js';
import { applierIdentity, conflictMessage, ownershipOf, SERVER_OWNED } from './managers.js';
import { rootRefOf, type SsaRef } from './ssa-schema.js';
import { toFieldSet } from './to-field-set.js';
import { applyWithOwnership, type Conflict, type Ownership } from './updater.js';

export interface ServerSideOptions {
  /** The field manager applying (`kubectl apply --server-side --field-manager`; kubectl's default: `kubectl`). */
  manager: string;
  /** `--force-conflicts`: take over the fields other managers own instead of failing. */
  force: boolean;
  /** Compute who owns what after the apply (`owners`); the diff does not need it. */
  trackOwners?: boolean;
}

export interface ServerSidePrediction {
  /** The live object after the apply; the live object itself when the apply is refused. */
  object: KubeObject;
  /** Why the API server refuses the apply (conflicts, a repeated list key), as it says it. */
  refused?: string;
  /** The fields in conflict, by manager, when the conflicts refuse the apply. */
  conflicts?: readonly { manager: string; paths: readonly FieldPath[] }[];
  /** False when the live object carries no managedFields (kubectl get hides them by default). */
  ownershipKnown: boolean;
  /** Who owns what after the apply (as managedFields would record it). */
  owners?: Ownership;
}

/**
 * The live object once `kubectl apply --server-side` of `manifest` is done. Ownership comes from
 * the live object's managedFields. Without them (kubectl get leaves them out unless asked with
 * --show-managed-fields) who owns what is unknown: the applier is taken to own what the last
 * apply sent (its last-applied-configuration annotation, which kubectl keeps up to date) and
 * others the rest, so fields are removed as the annotation says and no conflict is predicted.
 * Status is left out: the API server ignores it in an apply to the main resource.
 */
export function predictServerSide(
  live: KubeObject,
  manifest: KubeObject,
  lastApplied: JsonObject | undefined,
  options: ServerSideOptions,
): ServerSidePrediction {
  const ref = rootRefOf(String(manifest.apiVersion), String(manifest.kind));
  const config = withoutStatus(manifest);
  const duplicate = firstDuplicate(ref, config);
  const recorded = ownershipOf(live);
  const ownershipKnown = recorded !== undefined;
  if (duplicate) return { object: live, refused: `failed to create typed patch object: ${duplicate}`, ownershipKnown };
  const current = withoutStatus(live, true);
  const applier = applierIdentity(options.manager);
  const configSet = toFieldSet(ref, config);
  const owners = recorded ?? guessedOwnership(ref, current, configSet, lastApplied, applier);
  // Unknown ownership predicts no conflict: the apply goes through as if forced.
  const track = options.trackOwners ?? false;
  const apply = (force: boolean) => applyWithOwnership(ref, current, config, owners, applier, force, track, configSet);
  let outcome = apply(options.force || !ownershipKnown);
  if (outcome.conflicts && options.manager === 'kubectl' && lastApplied) {
    // Moving from kubectl apply to --server-side: fields the last client-side apply set, still as
    // it set them, may be taken over (the API server allows it for the manager kubectl alone).
    const allowed = unchangedSinceLastApply(ref, lastApplied, current, String(manifest.apiVersion));
    const rest = outcome.conflicts
      .map(({ manager, set }) => ({ manager, set: set.difference(allowed) }))
      .filter(({ set }) => !set.isEmpty());
    outcome = rest.length ? { conflicts: rest } : apply(true);
  }
  if (outcome.conflicts) {
    return {
      object: live,
      refused: conflictMessage(outcome.conflicts),
      conflicts: describe(outcome.conflicts),
      ownershipKnown,
    };
  }
  const object = (isObject(outcome.object) ? outcome.object : {}) as KubeObject;
  if (live.status !== undefined) object.status = live.status;
  if (!outcome.owners) return { object, ownershipKnown };
  const after = new Map(outcome.owners);
  after.set(applier, after.get(applier)?.difference(SERVER_OWNED) ?? new FieldSet());
  return { object, ownershipKnown, owners: after };
}

/**
 * Who owns what when the live object does not say: the applier what its last apply sent, and
 * someone else (the controllers, the API server's defaults, other clients) the rest.
 */
function guessedOwnership(
  ref: SsaRef | undefined,
  live: unknown,
  configSet: FieldSet,
  lastApplied: JsonObject | undefined,
  applier: string,
): Ownership {
  const applied = lastApplied ? toFieldSet(ref, lastApplied).difference(SERVER_OWNED) : new FieldSet();
  // The others' fields matter only to an apply that drops some of the applier's (they stay):
  // most applies drop none, and the live object's set is the costliest to make.
  if (applied.difference(configSet).isEmpty()) return new Map([[applier, applied]]);
  const others = toFieldSet(ref, live).difference(applied).difference(SERVER_OWNED);
  return new Map([
    [applier, applied],
    [OTHERS, others],
  ]);
}

const OTHERS = JSON.stringify({ manager: 'others', operation: 'Update' });

function describe(conflicts: readonly Conflict[]): { manager: string; paths: FieldPath[] }[] {
  return conflicts.map(({ manager, set }) => ({ manager, paths: set.paths() }));
}

/** The fields of the last client-side apply whose values the live object still has. */
function unchangedSinceLastApply(
  ref: SsaRef | undefined,
  lastApplied: JsonObject,
  live: unknown,
  apiVersion: string,
): FieldSet {
  if (lastApplied.apiVersion !== apiVersion) return new FieldSet();
  const changed = compareValues(ref, lastApplied, live);
  return toFieldSet(ref, lastApplied)
    .difference(changed.modified)
    .difference(changed.added)
    .difference(changed.removed);
}

function withoutStatus(object: KubeObject, withoutManagedFields = false): KubeObject {
  const { status: _status, ...rest } = object;
  if (!withoutManagedFields || !isObject(rest.metadata)) return rest;
  const { managedFields: _managed, ...metadata } = rest.metadata;
  return { ...rest, metadata };
}
