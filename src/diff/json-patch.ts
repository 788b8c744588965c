import jsonpatch, { type Operation } from 'fast-json-patch';
import { formatPointer } from '../model/json-pointer.js';
import { matchItems } from './align.js';
import type { MergeShape } from './merge-keys.js';
import { deepEqual, isObject } from '../model/json.js';

export type { Operation } from 'fast-json-patch';

/**
 * The RFC 6902 patch that turns `current` into `desired`. `current` is the aligned current
 * object (see `alignTo`), so keyed lists need no moves: items of the current side only are
 * removed, new items are added at their desired index and common items are patched in place,
 * each path naming the item's index in the desired list. Atomic lists, and keyed lists whose
 * order matters and changed, are replaced whole; lists nobody describes (custom resources) are
 * patched item by item by fast-json-patch.
 */
export function createJsonPatch(current: unknown, desired: unknown, shape: MergeShape | undefined): Operation[] {
  const ops: Operation[] = [];
  walk(current, desired, [], shape, ops);
  return ops;
}

function walk(
  current: unknown,
  desired: unknown,
  path: Array<string | number>,
  shape: MergeShape | undefined,
  ops: Operation[],
): void {
  if (deepEqual(current, desired)) return;
  if (isObject(current) && isObject(desired)) {
    for (const key of Object.keys(current))
      if (!Object.hasOwn(desired, key)) ops.push({ op: 'remove', path: formatPointer([...path, key]) });
    for (const [key, value] of Object.entries(desired)) {
      if (Object.hasOwn(current, key)) walk(current[key], value, [...path, key], shape?.fields?.[key], ops);
      else ops.push({ op: 'add', path: formatPointer([...path, key]), value });
    }
    return;
  }
  if (Array.isArray(current) && Array.isArray(desired)) {
    const rule = shape?.list;
    const match = matchItems(current, desired, rule);
    if (match && isAligned(match.currentIndexOf)) {
      const kept = current.length - match.removed.length;
      for (let i = current.length - 1; i >= kept; i--) ops.push({ op: 'remove', path: formatPointer([...path, i]) });
      desired.forEach((item, i) => {
        if (match.currentIndexOf[i] === undefined)
          ops.push({ op: 'add', path: formatPointer([...path, i]), value: item });
      });
      desired.forEach((item, i) => {
        const index = match.currentIndexOf[i];
        if (index !== undefined) walk(current[index], item, [...path, i], rule?.item, ops);
      });
      return;
    }
    if (rule) {
      ops.push({ op: 'replace', path: formatPointer(path), value: desired });
      return;
    }
    const prefix = formatPointer(path);
    for (const op of jsonpatch.compare(current, desired)) ops.push({ ...op, path: prefix + op.path });
    return;
  }
  ops.push({ op: 'replace', path: formatPointer(path), value: desired });
}

/** True when the common items already sit first, in the desired order (what `alignTo` produces). */
function isAligned(currentIndexOf: ReadonlyArray<number | undefined>): boolean {
  let next = 0;
  for (const index of currentIndexOf) {
    if (index === undefined) continue;
    if (index !== next) return false;
    next++;
  }
  return true;
}
