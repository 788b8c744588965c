/**
 * Reading a field the way rules must: an absent field is something a rule may report, a field
 * of the wrong type is not. The schema phase reports a wrong type, the API server refuses the
 * object there, and what the author meant is unknown, so a rule that read it as absent would
 * invent a finding ("no memory limit" for `limits: [1]`).
 */
import { isObject } from '../model/json.js';

/** A field that is there, but not with the shape the rule reads. */
export const WRONG_TYPE: unique symbol = Symbol('wrong type');

/** The value, `undefined` when absent, or WRONG_TYPE. */
export type FieldValue<T> = T | undefined | typeof WRONG_TYPE;

/**
 * The field at `path` under `root`: `undefined` when a step of the path is absent or `null` (as
 * the API server reads `null`); WRONG_TYPE when a step is there but not an object, or the field
 * is there but fails `is`.
 */
export function fieldOf<T>(root: unknown, path: readonly string[], is: (value: unknown) => value is T): FieldValue<T> {
  let value: unknown = root;
  for (const key of path) {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) return WRONG_TYPE;
    value = value[key];
  }
  if (value === undefined || value === null) return undefined;
  return is(value) ? value : WRONG_TYPE;
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isPlainObject = (value: unknown): value is Record<string, unknown> => isObject(value);
export const isList = (value: unknown): value is unknown[] => Array.isArray(value);
export const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isInteger = (value: unknown): value is number => Number.isInteger(value);
