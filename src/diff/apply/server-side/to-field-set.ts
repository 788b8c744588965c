import { isObject } from '../../../model/json.js';
import { type FieldPath, FieldSet, serialize } from './field-set.js';
import { isAtomic, itemElement, walkOf } from './shape-of-value.js';
import { fieldRef, isNamedField, type SsaRef } from './ssa-schema.js';

/**
 * The fields a value sets, as the field manager counts them for ownership: every leaf, every
 * atomic list or map whole, every item of a keyed list or set (and what it sets), every map key
 * that is not a struct field, and every field set to null or `{}`.
 */
export function toFieldSet(ref: SsaRef | undefined, value: unknown): FieldSet {
  const set = new FieldSet();
  walk(ref, value, [], set);
  return set;
}

function walk(ref: SsaRef | undefined, value: unknown, path: FieldPath, set: FieldSet): void {
  const how = walkOf(ref, value);
  if (how.kind === 'leaf') {
    set.insert(path);
    return;
  }
  if (isAtomic(how)) {
    set.insert(path);
    return;
  }
  if (how.kind === 'list') {
    if (!Array.isArray(value)) return;
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const item of value) {
      const element = itemElement(how.shape, item);
      if (!element) continue;
      const id = serialize(element);
      if (seen.has(id) && !duplicates.has(id)) {
        set.insert([...path, element]);
        duplicates.add(id);
      }
      seen.add(id);
    }
    for (const item of value) {
      const element = itemElement(how.shape, item);
      if (!element || duplicates.has(serialize(element))) continue;
      walk(how.shape.element, item, [...path, element], set);
      set.insert([...path, element]);
    }
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const childPath = [...path, { field: key }];
    walk(fieldRef(how.shape, key), child, childPath, set);
    if (child === null || (isObject(child) && Object.keys(child).length === 0) || !isNamedField(how.shape, key))
      set.insert(childPath);
  }
}
