import { isObject } from '../../../model/json.js';
import { type PathElement, serialize } from './field-set.js';
import { isAtomic, itemElement, type Walk, walkOf } from './shape-of-value.js';
import { fieldRef, type ListShape, type SsaRef } from './ssa-schema.js';

/**
 * The live object with the applied configuration merged in, as the field manager merges them
 * under server-side apply: leaves, atomic lists and atomic maps are replaced by the
 * configuration's; maps and structs merge key by key; keyed lists and sets merge item by item.
 * Undefined stands for absent.
 */
export function mergeValues(ref: SsaRef | undefined, live: unknown, applied: unknown): unknown {
  // The configuration decides how a value is walked when it has one.
  const how = walkOf(ref, applied !== undefined ? applied : live);
  if (how.kind === 'leaf' || isAtomic(how) || (isEmpty(how, live) && isEmpty(how, applied)))
    return applied !== undefined ? applied : live;
  return how.kind === 'list'
    ? mergeLists(how.shape, asList(live), asList(applied))
    : mergeMaps(how, asMap(live), asMap(applied));
}

function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function asMap(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}

function isEmpty(how: Walk, value: unknown): boolean {
  if (how.kind === 'list') return !Array.isArray(value) || value.length === 0;
  return !isObject(value) || Object.keys(value).length === 0;
}

function mergeMaps(
  how: Walk & { kind: 'map' },
  live: Record<string, unknown> | undefined,
  applied: Record<string, unknown> | undefined,
): unknown {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(live ?? {}), ...Object.keys(applied ?? {})]);
  for (const key of keys) {
    const merged = mergeValues(fieldRef(how.shape, key), live?.[key], applied?.[key]);
    if (merged !== undefined) out[key] = merged;
  }
  return Object.keys(out).length ? out : undefined;
}

interface Indexed {
  elements: PathElement[];
  ids: string[];
  /** The item of each element; null for an element the live list holds more than once. */
  byId: Map<string, unknown>;
}

function index(list: ListShape, items: readonly unknown[] | undefined): Indexed {
  const out: Indexed = { elements: [], ids: [], byId: new Map() };
  for (const item of items ?? []) {
    const element = itemElement(list, item);
    if (!element) continue;
    const id = serialize(element);
    out.byId.set(id, out.byId.has(id) ? null : item);
    out.elements.push(element);
    out.ids.push(id);
  }
  return out;
}

/**
 * Keyed lists and sets, item by item. The order is the configuration's for the items both have;
 * an item only the live list has stays where it was relative to them.
 */
function mergeLists(
  list: ListShape,
  live: readonly unknown[] | undefined,
  applied: readonly unknown[] | undefined,
): unknown {
  const lhs = index(list, live);
  const rhs = index(list, applied);
  const out: unknown[] = [];
  const shared = rhs.ids.filter((id) => lhs.byId.has(id));
  let next = 0;
  const merged = new Set<string>();
  const mergeItem = (id: string, lChild: unknown, rChild: unknown): void => {
    const item = mergeValues(list.element, lChild, rChild);
    if (item !== undefined) out.push(item);
    merged.add(id);
  };
  const liveItems = (live ?? []).filter((item) => itemElement(list, item) !== undefined);
  let l = 0;
  let r = 0;
  while (l < lhs.ids.length || r < rhs.ids.length) {
    if (l < lhs.ids.length && r < rhs.ids.length) {
      const id = lhs.ids[l]!;
      if (id === rhs.ids[r]) {
        mergeItem(id, lhs.byId.get(id), rhs.byId.get(id));
        l++;
        r++;
        next++;
        continue;
      }
      // A shared item that the configuration places later: wait for it there.
      if (rhs.byId.has(id) && next < shared.length && shared[next] !== id) {
        l++;
        continue;
      }
    }
    if (l < lhs.ids.length) {
      const id = lhs.ids[l]!;
      if (!rhs.byId.has(id)) {
        mergeItem(id, liveItems[l], undefined);
        l++;
        continue;
      }
      if (merged.has(id)) l++;
    }
    if (r < rhs.ids.length) {
      const id = rhs.ids[r]!;
      mergeItem(id, lhs.byId.get(id) ?? undefined, rhs.byId.get(id));
      r++;
      if (next < shared.length && shared[next] === id) next++;
    }
  }
  return out.length ? out : undefined;
}
