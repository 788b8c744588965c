import { isObject } from '../../../model/json.js';
import type { PathElement } from './field-set.js';
import { type ListShape, type MapShape, type SsaRef, shapeOf } from './ssa-schema.js';

/**
 * How the field manager walks a value of a type: as a struct or map, a list, or one plain value
 * (a leaf), decided by the value where the type allows several shapes. A value that fits none of
 * its type's shapes is a leaf.
 */
export type Walk = { kind: 'map'; shape: MapShape } | { kind: 'list'; shape: ListShape } | { kind: 'leaf' };

const LEAF: Walk = { kind: 'leaf' };

export function walkOf(ref: SsaRef | undefined, value: unknown): Walk {
  const shape = shapeOf(ref);
  if (Array.isArray(value) && shape.list) return { kind: 'list', shape: shape.list };
  if (isObject(value) && shape.map) return { kind: 'map', shape: shape.map };
  // null is an empty map, else an empty list, where the type has one: the field manager reads it so.
  if (value === null && shape.map) return { kind: 'map', shape: shape.map };
  if (value === null && shape.list) return { kind: 'list', shape: shape.list };
  return LEAF;
}

/** Whether a list or map is owned and replaced whole. */
export function isAtomic(walk: Walk): boolean {
  if (walk.kind === 'map') return walk.shape.atomic;
  return walk.kind === 'list' && walk.shape.relationship === 'atomic';
}

/**
 * The element that names an item of a keyed list or a set: its key fields (an absent one takes
 * its default, else is left out), or its value. Undefined where it cannot be named (an item
 * without any key field, a map in a set): the API server refuses such a list.
 */
export function itemElement(list: ListShape, item: unknown): PathElement | undefined {
  if (list.relationship === 'set')
    return isObject(item) || Array.isArray(item) || item === null ? undefined : { value: item };
  if (!isObject(item)) return undefined;
  const key: Record<string, unknown> = {};
  for (const name of list.keys) {
    if (item[name] !== undefined) key[name] = item[name];
    else if (list.defaults[name] !== undefined) key[name] = list.defaults[name];
  }
  return Object.keys(key).length ? { key } : undefined;
}
