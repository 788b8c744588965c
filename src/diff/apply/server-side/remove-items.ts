import { isObject } from '../../../model/json.js';
import { type FieldSet, serialize } from './field-set.js';
import { itemElement, walkOf } from './shape-of-value.js';
import { fieldRef, type SsaRef } from './ssa-schema.js';

/**
 * The value without the paths of `remove` (and what is under them), as the field manager prunes
 * what an applier stopped setting. A struct or list left empty is dropped: the API server decodes
 * the result into its Go type, where an empty struct is absent.
 */
export function removeItems(ref: SsaRef | undefined, value: unknown, remove: FieldSet): unknown {
  const how = walkOf(ref, value);
  if (how.kind === 'leaf') return value;
  if (how.kind === 'list') {
    if (!Array.isArray(value) || !value.length || how.shape.relationship === 'atomic') return undefined;
    const items: unknown[] = [];
    for (const item of value) {
      const element = itemElement(how.shape, item);
      if (!element) continue;
      if (remove.members.has(serialize(element))) continue;
      const under = remove.withPrefix(element);
      const kept = under.isEmpty() ? item : removeItems(how.shape.element, item, under);
      items.push(kept === undefined ? null : kept);
    }
    return items.length ? items : undefined;
  }
  if (!isObject(value) || !Object.keys(value).length || how.shape.atomic) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const element = { field: key };
    if (remove.members.has(serialize(element))) continue;
    const under = remove.withPrefix(element);
    const kept = under.isEmpty() ? child : removeItems(fieldRef(how.shape, key), child, under);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}
