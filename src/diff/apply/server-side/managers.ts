import { isObject } from '../../../model/json.js';
import { FieldSet, fromFieldsV1, pathString } from './field-set.js';
import type { Conflict, Ownership } from './updater.js';

/**
 * The identity the API server gives a manager: its name, operation (`Apply`, `Update`) and
 * subresource, and for an `Update` the API version it wrote with (JSON, in the field order of
 * a managedFields entry). Two entries with the same identity are the same manager.
 */
export function managerIdentity(entry: {
  manager?: unknown;
  operation?: unknown;
  apiVersion?: unknown;
  subresource?: unknown;
}): string {
  const id: Record<string, unknown> = {};
  if (typeof entry.manager === 'string' && entry.manager) id.manager = entry.manager;
  if (typeof entry.operation === 'string' && entry.operation) id.operation = entry.operation;
  if (entry.operation !== 'Apply' && typeof entry.apiVersion === 'string' && entry.apiVersion)
    id.apiVersion = entry.apiVersion;
  if (typeof entry.subresource === 'string' && entry.subresource) id.subresource = entry.subresource;
  return JSON.stringify(id);
}

/** The identity of an applier of the main resource. */
export function applierIdentity(name: string): string {
  return managerIdentity({ manager: name, operation: 'Apply' });
}

/** The owners recorded in a live object's `metadata.managedFields`; undefined where it has none. */
export function ownershipOf(live: unknown): Ownership | undefined {
  const metadata = isObject(live) && isObject(live.metadata) ? live.metadata : {};
  const entries = metadata.managedFields;
  if (!Array.isArray(entries) || !entries.length) return undefined;
  const owners: Ownership = new Map();
  for (const entry of entries) {
    if (!isObject(entry) || (entry.fieldsType !== undefined && entry.fieldsType !== 'FieldsV1')) continue;
    const id = managerIdentity(entry);
    const set = fromFieldsV1(entry.fieldsV1);
    const have = owners.get(id);
    owners.set(id, have ? have.union(set) : set);
  }
  return owners;
}

/** Fields no manager owns: the API server strips them from every set (identity and server fields). */
export const SERVER_OWNED = new FieldSet()
  .insert([{ field: 'apiVersion' }])
  .insert([{ field: 'kind' }])
  .insert([{ field: 'metadata' }])
  .insert([{ field: 'metadata' }, { field: 'name' }])
  .insert([{ field: 'metadata' }, { field: 'namespace' }])
  .insert([{ field: 'metadata' }, { field: 'creationTimestamp' }])
  .insert([{ field: 'metadata' }, { field: 'selfLink' }])
  .insert([{ field: 'metadata' }, { field: 'uid' }])
  .insert([{ field: 'metadata' }, { field: 'clusterName' }])
  .insert([{ field: 'metadata' }, { field: 'generation' }])
  .insert([{ field: 'metadata' }, { field: 'managedFields' }])
  .insert([{ field: 'metadata' }, { field: 'resourceVersion' }]);

/** A manager as the API server names it in a conflict: `"kube-controller-manager" using apps/v1`. */
export function printManager(identity: string): string {
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(identity);
    if (!isObject(parsed)) return JSON.stringify(identity);
    entry = parsed;
  } catch {
    return JSON.stringify(identity);
  }
  let text = JSON.stringify(String(entry.manager ?? ''));
  if (typeof entry.subresource === 'string') text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  if (entry.operation === 'Update') text += ` using ${String(entry.apiVersion ?? '')}`;
  return text;
}

/** The API server's message refusing an apply with conflicts. */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  const byManager = [...conflicts].sort((a, b) => (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0));
  const all = byManager.flatMap(({ manager, set }) => set.paths().map((path) => ({ manager, path })));
  if (all.length === 1)
    return `Apply failed with 1 conflict: conflict with ${printManager(all[0]!.manager)}: ${pathString(all[0]!.path)}`;
  const lines = byManager.flatMap(({ manager, set }) => [
    `conflicts with ${printManager(manager)}:`,
    ...set.paths().map((path) => `- ${pathString(path)}`),
  ]);
  return `Apply failed with ${all.length} conflicts: ${lines.join('\n')}`;
}
