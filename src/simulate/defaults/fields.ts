/**
 * Small helpers for defaulting plain JSON objects the way the API server defaults Go structs.
 * Go tells "unset" apart differently per field type, so there is one helper per kind of field:
 * a string field is unset when empty, a plain integer when 0, a pointer when absent (nil).
 * A field holding a value of the wrong type (a string where an object belongs) is left alone:
 * validation reports it, defaulting must not crash on it or paper over it.
 */
import { isObject, type JsonObject } from '../../model/json.js';

/** The object at `parent[key]`, created empty when absent; undefined when something else is there. */
export function ensureObject(parent: JsonObject, key: string): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined || value === null) {
    const created: JsonObject = {};
    parent[key] = created;
    return created;
  }
  return isObject(value) ? value : undefined;
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A pointer field (`*int32`, `*bool`, `*string`, a struct pointer): unset when absent. */
export function defaultPointer(parent: JsonObject, key: string, value: unknown): void {
  if (absent(parent[key])) parent[key] = value;
}

/** A string field: unset when absent or empty. */
export function defaultString(parent: JsonObject, key: string, value: string): void {
  if (absent(parent[key]) || parent[key] === '') parent[key] = value;
}

/** A plain integer field: unset when absent or 0. */
export function defaultInteger(parent: JsonObject, key: string, value: number): void {
  if (absent(parent[key]) || parent[key] === 0) parent[key] = value;
}

/** A list or map field: unset when absent or empty. */
export function isEmptyCollection(value: unknown): boolean {
  if (absent(value)) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}
