import { compareValues } from './compare.js';
import type { FieldSet } from './field-set.js';
import { mergeValues } from './merge.js';
import { withNamedFields } from './named-fields.js';
import { removeItems } from './remove-items.js';
import type { SsaRef } from './ssa-schema.js';
import { toFieldSet } from './to-field-set.js';

/** Who owns which fields: manager identity → its set. */
export type Ownership = Map<string, FieldSet>;

export interface Conflict {
  manager: string;
  set: FieldSet;
}

export type ApplyOutcome =
  | { object: unknown; owners?: Ownership; conflicts?: undefined }
  | { conflicts: Conflict[]; object?: undefined; owners?: undefined };

/**
 * A server-side apply of `config` to `live` by `applier`, as the API server's field manager does
 * it: merge the configuration in; the applier now owns exactly what the configuration sets; what
 * it owned before and no longer sets is removed unless another manager owns it; then every field
 * the apply changes that another manager owns is a conflict, which refuses the apply unless it is
 * forced (the applier then takes those fields over). Fields the apply removes are no one's any more.
 * Ownership after the apply is computed only when `trackOwners` asks for it. `set` is the
 * configuration's field set, when the caller has it already.
 */
export function applyWithOwnership(
  ref: SsaRef | undefined,
  live: unknown,
  config: unknown,
  owners: Ownership,
  applier: string,
  force: boolean,
  trackOwners = false,
  set: FieldSet = toFieldSet(ref, config),
): ApplyOutcome {
  const next: Ownership = new Map(owners);
  const lastSet = owners.get(applier);
  next.set(applier, set);
  const merged = mergeValues(ref, live, config);
  // Pruning gives the merged object back whole when the applier stopped setting nothing.
  const dropped = lastSet?.difference(set);
  const object = lastSet && dropped && !dropped.isEmpty() ? prune(ref, merged, next, lastSet) : merged;
  // Forced, conflicts only move ownership.
  if (force && !trackOwners) return { object };
  const comparison = compareValues(ref, live, object);
  const changed = comparison.modified.union(comparison.added);
  const conflicts: Conflict[] = [];
  for (const [manager, set] of next) {
    if (manager === applier) continue;
    const conflicting = set.intersection(changed);
    if (!conflicting.isEmpty()) conflicts.push({ manager, set: conflicting });
  }
  if (conflicts.length && !force) return { conflicts };
  for (const { manager, set } of conflicts) next.set(manager, next.get(manager)!.difference(set));
  if (!comparison.removed.isEmpty())
    for (const [manager, set] of next) if (manager !== applier) next.set(manager, set.difference(comparison.removed));
  for (const [manager, set] of next) if (set.isEmpty()) next.delete(manager);
  return { object, owners: next };
}

/** The merged object without what the applier stopped setting, unless someone still owns it. */
function prune(ref: SsaRef | undefined, merged: unknown, owners: Ownership, lastSet: FieldSet): unknown {
  const named = (set: FieldSet) => withNamedFields(set, ref);
  let pruned = removeItems(ref, merged, named(lastSet));
  // Owned by anyone (the applier's new set included): back in.
  let managed: FieldSet | undefined;
  for (const set of owners.values()) managed = managed ? managed.union(set) : set;
  const mergedSet = named(toFieldSet(ref, merged));
  let prunedSet = named(toFieldSet(ref, pruned));
  if (managed) pruned = removeItems(ref, merged, mergedSet.difference(prunedSet.union(named(managed))));
  // Removed only because a parent went: only what the applier owned goes.
  prunedSet = named(toFieldSet(ref, pruned));
  return removeItems(ref, merged, mergedSet.difference(prunedSet).intersection(named(lastSet)));
}
