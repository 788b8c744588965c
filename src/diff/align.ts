import { indexByKey, type ListRule, type MergeShape } from './merge-keys.js';
import { type JsonObject, isObject } from '../model/json.js';

/**
 * How the items of two versions of a keyed list correspond: for each desired item, the index of
 * the current item with the same key (or undefined for a new item), and the current items that
 * have no desired counterpart. Undefined when the list is compared by position instead: it has
 * no keys, an item cannot be identified, or its order matters and the common items moved.
 */
export interface ItemMatch {
  currentIndexOf: Array<number | undefined>;
  removed: number[];
}

export function matchItems(
  current: readonly unknown[],
  desired: readonly unknown[],
  rule: ListRule | undefined,
): ItemMatch | undefined {
  if (!rule?.keys) return undefined;
  const currentIndex = indexByKey(current, rule);
  const desiredIndex = indexByKey(desired, rule);
  if (!currentIndex || !desiredIndex) return undefined;
  const currentIndexOf = [...desiredIndex.keys()].map((key) => currentIndex.get(key));
  if (rule.ordered?.(desired) || rule.ordered?.(current)) {
    const common = currentIndexOf.filter((i): i is number => i !== undefined);
    if (common.some((index, k) => k > 0 && index < common[k - 1]!)) return undefined;
  }
  const removed = [...currentIndex.entries()].filter(([key]) => !desiredIndex.has(key)).map(([, i]) => i);
  return { currentIndexOf, removed };
}

/**
 * The current version of a value rearranged to follow the desired one, without changing what it
 * means: object keys in the desired order (keys only the current side has come after, in their
 * own order), and the items of keyed lists in the desired order with current-only items at the
 * end. A reordered list of containers or ports then compares equal, and the text diff of the
 * two sides shows only real changes. Returns a new value; the inputs are not modified.
 */
export function alignTo(current: unknown, desired: unknown, shape: MergeShape | undefined): unknown {
  if (isObject(current) && isObject(desired)) {
    const aligned: JsonObject = {};
    for (const key of Object.keys(desired)) {
      if (Object.hasOwn(current, key)) aligned[key] = alignTo(current[key], desired[key], shape?.fields?.[key]);
    }
    for (const key of Object.keys(current)) if (!Object.hasOwn(aligned, key)) aligned[key] = current[key];
    return aligned;
  }
  if (Array.isArray(current) && Array.isArray(desired)) {
    const rule = shape?.list;
    const match = matchItems(current, desired, rule);
    if (!match) return current.map((item, i) => (i < desired.length ? alignTo(item, desired[i], rule?.item) : item));
    const aligned: unknown[] = [];
    match.currentIndexOf.forEach((index, i) => {
      if (index !== undefined) aligned.push(alignTo(current[index], desired[i], rule?.item));
    });
    for (const index of match.removed) aligned.push(current[index]);
    return aligned;
  }
  return current;
}
