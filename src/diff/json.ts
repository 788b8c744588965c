/** Plain-JSON helpers the diff stages share. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Structural equality of JSON values (key order does not matter, list order does). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!(key in b) || !deepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * Removes `null` values everywhere: the API server decodes `field: null` as "not set", so a
 * manifest's `resources:` with nothing under it means the same as no `resources` at all.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = dropNulls(value[i]);
    return value;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === null || child === undefined) delete value[key];
      else value[key] = dropNulls(child);
    }
  }
  return value;
}
