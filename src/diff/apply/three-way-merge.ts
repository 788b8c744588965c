import { asObject, deepEqual, isObject, type JsonObject } from '../../model/json.js';
import { formatPointer } from '../../model/json-pointer.js';
import { type GoField, type GoType, goType } from './api-types.js';

/**
 * The live object after `kubectl apply` (client-side): what the API server stores once it has
 * merged kubectl's three-way patch into it. kubectl computes the patch from the last applied
 * configuration (`original`), the manifest (`modified`) and the live object (`current`):
 *
 * - a field the manifest sets to another value than the live one is set;
 * - a field the manifest drops is removed only if the last apply set it (it is in `original`):
 *   fields others set (an autoscaler's `replicas`, an injected sidecar) stay;
 * - lists with a merge key (containers by name, ports by containerPort...) merge item by item,
 *   in the manifest's order, items only the live object has keep their place among them
 *   (kubectl's `$setElementOrder`); other lists are replaced whole when they differ;
 * - a union (`retainKeys`: a Deployment's `strategy`, a volume's source) loses the members the
 *   manifest does not name, whenever it names one.
 *
 * Built-in kinds merge by their Go types' tags (`typeName`, api-types.ts); custom resources get
 * a JSON merge patch, where every list is replaced whole (`typeName` undefined). Results equal
 * upstream's on the oracle's cases (test/diff/apply). Pure: the inputs are not modified (the
 * result shares the parts nothing changed with them).
 */
export function threeWayMerge(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  typeName: string | undefined,
  /** Collects the manifest's list items the merge drops (a merge key repeated in the manifest). */
  lost?: LostItem[],
): JsonObject {
  const scope: Scope = { strategic: typeName !== undefined, ...(lost ? { lost } : {}) };
  return mergeMap(original, modified, current, { scope, type: goType(typeName) }, undefined, true).merged;
}

/** A manifest list item the merge drops: its merge key repeats an earlier item's. */
export interface LostItem {
  /** The item, and the list it is in. */
  pointer: string;
  list: string;
  mergeKey: string;
  value: unknown;
}

/** The whole merge: by the Go types' tags (strategic) or as a JSON merge patch, and what it drops. */
interface Scope {
  strategic: boolean;
  lost?: LostItem[];
}

/** How one map merges: its type when known, and whether it is a union (retainKeys). */
interface Rules {
  scope: Scope;
  type?: GoType | undefined;
  retainKeys?: boolean;
}

/** Where a value is in the manifest, built only where a finding needs it. */
type Path = { parent: Path; key: string | number } | undefined;

function pointerOf(at: Path): string {
  const segments: Array<string | number> = [];
  for (let node = at; node; node = node.parent) segments.unshift(node.key);
  return formatPointer(segments);
}

interface Merged<T> {
  merged: T;
  /** Whether the patch changes this value (else the live value is kept as it is). */
  patched: boolean;
}

/**
 * A map merged key by key. `kept`: the caller uses the merged map even when nothing patches it
 * (the root, a list's items, which take the manifest's key order). Elsewhere an unpatched map
 * stays the live one, so it is only built once something patches it: most of a live object
 * is not patched by an apply.
 */
function mergeMap(
  original: JsonObject | undefined,
  modified: JsonObject,
  current: JsonObject,
  rules: Rules,
  at: Path,
  kept: boolean,
): Merged<JsonObject> {
  // Built in the manifest's key order, then the live object's other keys: the diff reads like the manifest.
  const keys = Object.keys(modified);
  let merged: JsonObject | undefined = kept || rules.retainKeys ? {} : undefined;
  let patched = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const want = modified[key];
    const have = current[key];
    let value: unknown = LIVE;
    if (want === null) {
      // A null in the manifest deletes the field, except under a JSON merge patch where the last
      // apply sent the same null (its patch then has no entry for it).
      const deletes = rules.scope.strategic || original?.[key] !== null;
      if (deletes && have !== undefined && have !== null) value = DELETED;
    } else {
      const result = mergeValue(original?.[key], want, have, rules.type?.[key], rules.scope, at, key);
      if (result.patched) value = result.merged;
    }
    if (value !== LIVE && !patched) {
      patched = true;
      merged ??= liveFields(keys, i, current);
    }
    if (!merged) continue;
    if (value === LIVE) {
      if (key in current) merged[key] = have;
    } else if (value !== DELETED) merged[key] = value;
  }
  // A field the manifest drops goes if the last apply had set it.
  const drops = original !== undefined && Object.keys(current).some((key) => !(key in modified) && key in original);
  if (drops) {
    patched = true;
    merged ??= liveFields(keys, keys.length, current);
  }
  if (merged) {
    for (const key of Object.keys(current)) {
      if (key in modified || (original && key in original)) continue;
      merged[key] = current[key];
    }
  }
  // kubectl names the members to keep whenever the manifest names any, and the server clears the others.
  if (rules.retainKeys && merged && Object.values(modified).some((v) => v !== null)) {
    for (const key of Object.keys(merged)) {
      if (modified[key] === undefined || modified[key] === null) {
        delete merged[key];
        patched = true;
      }
    }
  }
  return { merged: merged ?? current, patched };
}

/** In mergeMap: the live value stays, or the field goes. */
const LIVE = Symbol('live value');
const DELETED = Symbol('deleted');

/** The map as mergeMap builds it while nothing is patched: the manifest's first `count` keys, with their live values. */
function liveFields(keys: readonly string[], count: number, current: JsonObject): JsonObject {
  const merged: JsonObject = {};
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    if (key in current) merged[key] = current[key];
  }
  return merged;
}

function mergeValue(
  original: unknown,
  want: unknown,
  have: unknown,
  field: GoField | undefined,
  scope: Scope,
  parent: Path,
  key: string,
): Merged<unknown> {
  const strategic = scope.strategic;
  if (have === undefined || have === null) {
    const added = withoutNulls(want);
    // A JSON merge patch leaves out a map that held only nulls.
    const nothing = !strategic && isObject(want) && Object.keys(want).length > 0 && isEmptyMap(added);
    return nothing ? { merged: have, patched: false } : { merged: added, patched: true };
  }
  if (isObject(want) && isObject(have) && !field?.list) {
    // A map of plain values merges key by key, a struct by its own fields.
    const rules = {
      scope,
      type: field?.map ? undefined : goType(field?.type),
      retainKeys: hasTag(field, 'retainKeys'),
    };
    return mergeMap(asObject(original), want, have, rules, { parent, key }, false);
  }
  if (Array.isArray(want) && Array.isArray(have) && strategic && hasTag(field, 'merge')) {
    const merged = mergeList(Array.isArray(original) ? original : undefined, want, have, field!, scope, {
      parent,
      key,
    });
    if (merged) return merged;
  }
  return deepEqual(want, have) ? { merged: have, patched: false } : { merged: withoutNulls(want), patched: true };
}

/**
 * A list merged by key (`field.mergeKey`; a list of plain values by value). Undefined when an
 * item has no key: kubectl then fails to build the patch, and the prediction replaces the list.
 * Where two items share a key (a Service's port 53 over TCP and UDP), kubectl and the server
 * work with the first: the manifest's later one is lost, the live object's later one stays.
 */
function mergeList(
  original: unknown[] | undefined,
  want: unknown[],
  have: unknown[],
  field: GoField,
  scope: Scope,
  at: Path,
): Merged<unknown[]> | undefined {
  const keyOf = itemKey(field.mergeKey ?? '');
  const wantKeys = want.map(keyOf);
  const before = original ? firstByKey(original, keyOf) : new Map<string, unknown>();
  const haveKeys = have.map(keyOf);
  if (wantKeys.includes(undefined) || !before || haveKeys.includes(undefined)) return undefined;
  // The manifest's item of each key, the first one: a later one with the same key is lost.
  const wanted = new Map<string, number>();
  wantKeys.forEach((key, i) => {
    if (!wanted.has(key!)) wanted.set(key!, i);
    else if (scope.lost && field.mergeKey)
      scope.lost.push({
        pointer: pointerOf({ parent: at, key: i }),
        list: pointerOf(at),
        mergeKey: field.mergeKey,
        value: (want[i] as JsonObject)[field.mergeKey],
      });
  });
  const deleted = new Set([...before.keys()].filter((k) => !wanted.has(k)));
  const rules: Rules = { scope, type: goType(field.type), retainKeys: hasTag(field, 'retainKeys') };

  let patched = false;
  const kept: Array<{ key: string; item: unknown }> = [];
  have.forEach((item, i) => {
    const key = haveKeys[i]!;
    if (deleted.has(key)) {
      patched = true;
      return;
    }
    // A later item with the same key is one of its own for ordering.
    if (haveKeys.indexOf(key) !== i) {
      kept.push({ key: `${key}\u0000${i}`, item });
      return;
    }
    const index = wanted.get(key);
    const next = index === undefined ? undefined : want[index];
    if (!isObject(next) || !isObject(item)) {
      kept.push({ key, item });
      return;
    }
    const result = mergeMap(asObject(before.get(key)), next, item, rules, { parent: at, key: index! }, true);
    patched ||= result.patched;
    kept.push({ key, item: result.merged });
  });
  const present = new Set(haveKeys);
  const added = [...wanted]
    .filter(([k]) => !present.has(k))
    .map(([key, index]) => ({ key, item: withoutNulls(want[index]) }));
  patched ||= added.length > 0;
  // kubectl sends the manifest's order whenever the list differs from the live one or loses items.
  if (!patched && deepEqual(want, have)) return { merged: have, patched: false };
  const removed = have.length - kept.length;
  const order = serverOrder(
    kept.map((e) => e.key),
    added,
    removed,
    have.length,
    field,
  );
  return { merged: inManifestOrder([...kept, ...added], [...wanted.keys()], order), patched: true };
}

/**
 * The list the server compares positions in when it orders the merged list. It is meant to be
 * the live list, but the server removes deleted items and appends new ones in place, in the
 * same memory: once items of a keyed list are deleted, it reads the live list's length of the
 * merged one (the items kept, then as many new ones as fit). A list of plain values is rebuilt
 * instead, and keeps the live order.
 */
function serverOrder(
  keptKeys: readonly string[],
  added: ReadonlyArray<{ key: string }>,
  removed: number,
  liveLength: number,
  field: GoField,
): readonly string[] {
  if (removed === 0 || !field.mergeKey) return keptKeys;
  return [...keptKeys, ...added.map((e) => e.key)].slice(0, liveLength);
}

/**
 * The order the API server gives a merged list under `$setElementOrder`: the manifest's items in
 * the manifest's order, and each item only the live object has placed before the first
 * manifest item that comes after it in `serverKeys` (one not found there counts as first).
 */
function inManifestOrder(
  items: ReadonlyArray<{ key: string; item: unknown }>,
  wantKeys: readonly string[],
  serverKeys: readonly string[],
): unknown[] {
  const manifestIndex = new Map(wantKeys.map((k, i) => [k, i]));
  const liveIndex = new Map<string, number>();
  serverKeys.forEach((k, i) => {
    if (!liveIndex.has(k)) liveIndex.set(k, i);
  });
  const fromManifest = items
    .filter((e) => manifestIndex.has(e.key))
    .sort((a, b) => manifestIndex.get(a.key)! - manifestIndex.get(b.key)!);
  const liveOnly = items.filter((e) => !manifestIndex.has(e.key)); // already in live order
  const merged: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < liveOnly.length || j < fromManifest.length) {
    const left = liveOnly[i];
    const right = fromManifest[j];
    const rightAt = right && liveIndex.get(right.key);
    if (left && (!right || (rightAt !== undefined && liveIndex.get(left.key)! < rightAt))) {
      merged.push(left.item);
      i++;
    } else {
      merged.push(right!.item);
      j++;
    }
  }
  return merged;
}

function itemKey(mergeKey: string): (item: unknown) => string | undefined {
  if (mergeKey === '') return (item) => (isObject(item) || Array.isArray(item) ? undefined : JSON.stringify(item));
  return (item) => (isObject(item) && item[mergeKey] !== undefined ? JSON.stringify(item[mergeKey]) : undefined);
}

/** Items by key, the first of each key; undefined when an item has none. */
function firstByKey(
  items: readonly unknown[],
  keyOf: (item: unknown) => string | undefined,
): Map<string, unknown> | undefined {
  const byKey = new Map<string, unknown>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) return undefined;
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return byKey;
}

/**
 * A value the patch adds: the nulls in it go (they only delete what is there), and so does a
 * map that held only nulls (an empty map written as such stays).
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    const kept = withoutNulls(v);
    if (!(isObject(v) && Object.keys(v).length > 0 && isEmptyMap(kept))) out[key] = kept;
  }
  return out;
}

function isEmptyMap(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length === 0;
}

/** The parts of each `patchStrategy` tag (`merge,retainKeys`), split once. */
const tagParts = new Map<string, readonly string[]>();

/** api-types.ts `hasStrategy`, without splitting the tag again at each field of each object merged. */
function hasTag(field: GoField | undefined, strategy: string): boolean {
  const tag = field?.strategy;
  if (tag === undefined) return false;
  let parts = tagParts.get(tag);
  if (!parts) {
    parts = tag.split(',');
    tagParts.set(tag, parts);
  }
  return parts.includes(strategy);
}
