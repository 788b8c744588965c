import { deepEqual, isObject } from '../../../model/json.js';
import { type FieldPath, FieldSet, type PathElement, serialize } from './field-set.js';
import { isAtomic, itemElement, walkOf } from './shape-of-value.js';
import { fieldRef, type ListShape, type SsaRef } from './ssa-schema.js';

/** The fields an update adds, changes and removes, as the field manager tells them apart. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

export function compareValues(ref: SsaRef | undefined, before: unknown, after: unknown): Comparison {
  const comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compare(ref, before, after, [], comparison);
  return comparison;
}

function compare(ref: SsaRef | undefined, lhs: unknown, rhs: unknown, path: FieldPath, out: Comparison): void {
  const how = walkOf(ref, rhs !== undefined ? rhs : lhs);
  const lhsEmpty =
    how.kind === 'list' ? !Array.isArray(lhs) || !lhs.length : !isObject(lhs) || !Object.keys(lhs).length;
  const rhsEmpty =
    how.kind === 'list' ? !Array.isArray(rhs) || !rhs.length : !isObject(rhs) || !Object.keys(rhs).length;
  if (how.kind === 'leaf' || isAtomic(how) || (lhsEmpty && rhsEmpty)) {
    if (lhs === undefined) out.added.insert(path);
    else if (rhs === undefined) out.removed.insert(path);
    else if (!deepEqual(lhs, rhs)) out.modified.insert(path);
    return;
  }
  if (how.kind === 'list') compareLists(how.shape, lhs, rhs, path, out);
  else {
    const l = isObject(lhs) ? lhs : {};
    const r = isObject(rhs) ? rhs : {};
    for (const key of new Set([...Object.keys(l), ...Object.keys(r)]))
      compare(fieldRef(how.shape, key), l[key], r[key], [...path, { field: key }], out);
  }
  if (lhs === undefined) out.added.insert(path);
  else if (rhs === undefined) out.removed.insert(path);
}

function compareLists(list: ListShape, lhs: unknown, rhs: unknown, path: FieldPath, out: Comparison): void {
  const order: PathElement[] = [];
  const left = group(list, lhs, order, undefined);
  const right = group(list, rhs, order, left);
  for (const element of order) {
    const id = serialize(element);
    const l = left.get(id) ?? [];
    const r = right.get(id) ?? [];
    const itemPath = [...path, element];
    if (l.length <= 1 && r.length <= 1) compare(list.element, l[0], r[0], itemPath, out);
    else if (l.length >= 2 && r.length >= 2) {
      if (!deepEqual(l, r)) out.modified.insert(itemPath);
    } else if (l.length >= 2) {
      if (r.length) compare(list.element, undefined, r[0], itemPath, out);
      out.removed.insert(itemPath);
    } else {
      if (l.length) compare(list.element, l[0], undefined, itemPath, out);
      out.added.insert(itemPath);
    }
  }
}

/** The items of a list by element, in order; new elements (not in `seen`) appended to `order`. */
function group(
  list: ListShape,
  items: unknown,
  order: PathElement[],
  seen: Map<string, unknown[]> | undefined,
): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const item of Array.isArray(items) ? items : []) {
    const element = itemElement(list, item);
    if (!element) continue;
    const id = serialize(element);
    const have = out.get(id);
    if (have) have.push(item);
    else {
      out.set(id, [item]);
      if (!seen?.has(id)) order.push(element);
    }
  }
  return out;
}
