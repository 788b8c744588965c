import type { Ajv, ErrorObject } from 'ajv';
import { canonicalJson, isObject } from '../../model/json.js';

/**
 * `x-kubernetes-list-type` as the API server enforces it on custom resources: the items of a
 * `set` are unique, and the items of a `map` are unique by their `x-kubernetes-list-map-keys`
 * (two HTTPRoute header matches of the same name are refused). `atomic`, the default, allows
 * anything. A duplicate is reported at the index of its first repeat with the API server's
 * words (`Duplicate value: ...`); later repeats of the same item are not reported again, as on the API server.
 */
export const UNIQUE_BY_KEYWORD = 'x-kubeplan-unique-by';

/** What a list's items must be unique by: the whole item, or some of its fields. */
export type UniqueBy = { whole: true } | { keys: string[] };

/** The uniqueness a structural schema node asks of its list, if any. */
export function uniqueByOf(schema: Record<string, unknown>): UniqueBy | undefined {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') return { whole: true };
  const keys = schema['x-kubernetes-list-map-keys'];
  if (listType === 'map' && Array.isArray(keys) && keys.length && keys.every((k) => typeof k === 'string'))
    return { keys };
  return undefined;
}

/** The identity of an item: the item itself for a set, its key fields for a map. */
function identity(item: unknown, by: UniqueBy): { key: string; shown: unknown } {
  if ('whole' in by) return { key: canonicalJson(item), shown: item };
  const fields = isObject(item) ? item : {};
  const shown = Object.fromEntries(by.keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]));
  return { key: canonicalJson(by.keys.map((k) => fields[k] ?? null)), shown };
}

function duplicates(list: readonly unknown[], by: UniqueBy, at: string): ErrorObject[] {
  // A map list with an item that is no object (nor null) is refused for that item alone
  // (`must be an object for an array of list-type map`, here the type error of the item): the API
  // server then compares no keys.
  if ('keys' in by && list.some((item) => item !== null && !isObject(item))) return [];
  // How often each identity was seen: the API server reports the first repeat of each, not the later ones.
  const seen = new Map<string, number>();
  const errors: ErrorObject[] = [];
  list.forEach((item, index) => {
    const { key, shown } = identity(item, by);
    const times = seen.get(key) ?? 0;
    seen.set(key, times + 1);
    if (times !== 1) return;
    errors.push({
      keyword: UNIQUE_BY_KEYWORD,
      instancePath: `${at}/${index}`,
      schemaPath: '',
      params: {},
      message: `Duplicate value: ${JSON.stringify(shown)}`,
    });
  });
  return errors;
}

/** Teaches ajv the keyword `toJsonSchema` writes for a `set` or `map` list. */
export function addListTypeKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: UNIQUE_BY_KEYWORD,
    type: 'array',
    errors: true,
    validate: function unique(
      by: UniqueBy,
      data: unknown[],
      _parent?: unknown,
      cxt?: { instancePath: string },
    ): boolean {
      const errors = duplicates(data, by, cxt?.instancePath ?? '');
      (unique as { errors?: ErrorObject[] }).errors = errors;
      return errors.length === 0;
    },
  });
}
