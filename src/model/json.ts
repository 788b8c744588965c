/**
 * Defensive readers of plain JSON values (parsed manifests, live objects). Every stage reads
 * objects that may not match their schema: a string where a list belongs reads as "no list",
 * never throws, and never invents a value. One reader per question, used by lint, simulate and
 * diff alike.
 */
export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not a list. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** The object at `parent[key]`, or undefined when the parent or the field is not an object. */
export function objectAt(parent: unknown, key: string): JsonObject | undefined {
  return isObject(parent) && Object.hasOwn(parent, key) ? asObject(parent[key]) : undefined;
}

/** The list, or an empty one when the value is not a list. */
export function asArray<T>(value: readonly T[] | undefined): readonly T[];
export function asArray(value: unknown): readonly unknown[];
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A whole number, or undefined (`"2"` is not a number here: the schema reports it). */
export function asInteger(value: unknown): number | undefined {
  // Number.isInteger is false for anything but a number.
  return Number.isInteger(value) ? (value as number) : undefined;
}

/** A map of strings (labels, annotations, selectors); entries with other values are left out. */
export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The items of a list that are objects; other items, and a value that is not a list, give none. */
export function objectsIn(list: unknown): JsonObject[] {
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** The objects of the list at `parent[key]`. */
export function objectsAt(parent: unknown, key: string): JsonObject[] {
  return isObject(parent) && Object.hasOwn(parent, key) ? objectsIn(parent[key]) : [];
}

/** The items of a list that are objects, each with its index in the list (for pointers). */
export function indexedObjectsIn(list: unknown): Array<{ item: JsonObject; index: number }> {
  const out: Array<{ item: JsonObject; index: number }> = [];
  for (const [index, value] of asArray(list).entries()) if (isObject(value)) out.push({ item: value, index });
  return out;
}

/**
 * The value at a path of keys, or undefined when a step is missing. Lists are indexed by digit
 * strings only, and only own properties count: `length` or `constructor` never read as fields.
 */
export function dig(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (isObject(current) && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/**
 * Structural equality of JSON values (key order does not matter, list order does). Written as
 * loops: the diff compares every pair of objects with it.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (!Object.hasOwn(b, key) || !deepEqual((a as JsonObject)[key], (b as JsonObject)[key])) return false;
  return true;
}

/**
 * Removes `null` values everywhere, in place: the API server decodes `field: null` as "not set",
 * so a manifest's `resources:` with nothing under it means the same as no `resources` at all.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = dropNulls(value[i]);
    return value;
  }
  if (isObject(value)) {
    // Keys rather than entries: no pair is built for each field of every object.
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (child === null || child === undefined) delete value[key];
      else if (typeof child === 'object') dropNulls(child);
    }
  }
  return value;
}

/**
 * JSON with object keys sorted at every level (by UTF-16 code units, as the default sort does):
 * two values that are equal as JSON give the same text. `undefined` properties are left out, as
 * JSON.stringify does; a bare `undefined` is `null`. Written as loops: it hashes every template.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i]);
    return `${text}]`;
  }
  if (isObject(value)) {
    let text = '{';
    for (const key of Object.keys(value).sort()) {
      const item = value[key];
      if (item === undefined) continue;
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether `canonicalJson(a) === canonicalJson(b)`, without building either text: the same
 * structure, where object fields set to `undefined` do not exist, and scalars compare by their
 * JSON text (so a list item `undefined` equals `null`, as both print `null`). The API server
 * compares every stored object's spec with its new version this way.
 */
export function canonicalEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!canonicalEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    let defined = 0;
    for (const key of Object.keys(a)) {
      const item = a[key];
      if (item === undefined) continue;
      defined++;
      if (!Object.hasOwn(b, key) || !canonicalEqual(item, b[key])) return false;
    }
    // Every defined field of `a` is in `b`: the texts are equal when `b` has no other.
    for (const key of Object.keys(b)) if (b[key] !== undefined) defined--;
    return defined === 0;
  }
  if (Array.isArray(b) || isObject(b)) return false;
  return a === b || (JSON.stringify(a) ?? 'null') === (JSON.stringify(b) ?? 'null');
}
