import { isObject } from '../../../model/json.js';
import { FieldSet, type PathElement, serialize } from './field-set.js';
import { isAtomic, itemElement, walkOf } from './shape-of-value.js';
import { fieldRef, isNamedField, type SsaRef } from './ssa-schema.js';

/**
 * The fields a value sets, as the field manager counts them for ownership: every leaf, every
 * atomic list or map whole, every item of a keyed list or set (and what it sets), every map key
 * that is not a struct field, and every field set to null or `{}`.
 */
export function toFieldSet(ref: SsaRef | undefined, value: unknown): FieldSet {
  const set = new FieldSet();
  walk(ref, value, undefined, set);
  return set;
}

/** Where a value sits: the set of its parent's paths (made when first needed), and its element there. */
interface Place {
  parent: () => FieldSet;
  id: string;
  element: PathElement;
}

/** Adds the value's own path (the root has none) to the set. */
function insert(at: Place | undefined): void {
  at?.parent().members.set(at.id, at.element);
}

/**
 * The set of paths under the value, made on the first path added: a set is built in place,
 * level by level, with no path walked twice from the root and no empty level left behind.
 */
function under(at: Place | undefined, root: FieldSet): () => FieldSet {
  if (!at) return () => root;
  let set: FieldSet | undefined;
  return () => {
    set ??= at.parent().childOf(at.id, at.element);
    return set;
  };
}

function walk(ref: SsaRef | undefined, value: unknown, at: Place | undefined, root: FieldSet): void {
  const how = walkOf(ref, value);
  if (how.kind === 'leaf' || isAtomic(how)) {
    insert(at);
    return;
  }
  if (how.kind === 'list') {
    if (!Array.isArray(value)) return;
    const items: Array<{ item: unknown; element: PathElement; id: string }> = [];
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const item of value) {
      const element = itemElement(how.shape, item);
      if (!element) continue;
      const id = serialize(element);
      if (seen.has(id)) duplicates.add(id);
      seen.add(id);
      items.push({ item, element, id });
    }
    const set = under(at, root);
    // A repeated item is owned as one path, none of its fields.
    for (const { item, element, id } of items) {
      const place = { parent: set, id, element };
      if (!duplicates.has(id)) walk(how.shape.element, item, place, root);
      insert(place);
    }
    return;
  }
  if (!isObject(value)) return;
  const set = under(at, root);
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (child === undefined) continue;
    const place = { parent: set, id: `f:${key}`, element: { field: key } };
    walk(fieldRef(how.shape, key), child, place, root);
    if (child === null || (isObject(child) && Object.keys(child).length === 0) || !isNamedField(how.shape, key))
      insert(place);
  }
}
