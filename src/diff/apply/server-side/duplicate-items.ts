import { isObject } from '../../../model/json.js';
import { type FieldPath, pathString, serialize } from './field-set.js';
import { itemElement, walkOf } from './shape-of-value.js';
import { fieldRef, type SsaRef } from './ssa-schema.js';

/**
 * The first item of a keyed list or set that repeats another's key, as the API server reports it
 * when it refuses an applied configuration: `.spec.template.spec.containers: duplicate entries for
 * key [name="app"]`; undefined when there is none.
 */
export function firstDuplicate(ref: SsaRef | undefined, value: unknown, path: FieldPath = []): string | undefined {
  const how = walkOf(ref, value);
  if (how.kind === 'list' && Array.isArray(value) && how.shape.relationship !== 'atomic') {
    const seen = new Set<string>();
    for (const item of value) {
      const element = itemElement(how.shape, item);
      if (!element) continue;
      const id = serialize(element);
      if (seen.has(id)) return `${pathString(path)}: duplicate entries for key ${pathString([element])}`;
      seen.add(id);
      const inner = firstDuplicate(how.shape.element, item, [...path, element]);
      if (inner) return inner;
    }
  }
  if (how.kind === 'map' && isObject(value) && !how.shape.atomic)
    for (const [key, child] of Object.entries(value)) {
      const inner = firstDuplicate(fieldRef(how.shape, key), child, [...path, { field: key }]);
      if (inner) return inner;
    }
  return undefined;
}
