/**
 * Defensive readers for objects that may not match their schema: rules run on every object,
 * valid or not, so a string where a list is expected must read as "no list", never throw.
 */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The list, or an empty one when the value is not a list. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A whole number, or undefined (`"2"` is not a number here: the schema reports it). */
export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A map of strings (labels, annotations, selectors); entries with other values are left out. */
export function asStringMap(value: unknown): Record<string, string> {
  const object = asObject(value);
  const out: Record<string, string> = {};
  if (!object) return out;
  for (const [key, v] of Object.entries(object)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** Each element of a list that is an object, with its index in the list. */
export function objectsIn(value: unknown): Array<{ item: JsonObject; index: number }> {
  const out: Array<{ item: JsonObject; index: number }> = [];
  asArray(value).forEach((v, index) => {
    const item = asObject(v);
    if (item) out.push({ item, index });
  });
  return out;
}

/** The value at a path of keys (list indexes as digit strings), or undefined when a step is missing. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else {
      const object = asObject(current);
      if (!object) return undefined;
      current = object[key];
    }
  }
  return current;
}
