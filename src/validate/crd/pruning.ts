import type { ErrorObject } from 'ajv';
import { copyJson } from '../../model/copy-json.js';
import { isObject, type JsonObject } from '../../model/json.js';
import { appendPointer, parsePointer } from '../../model/json-pointer.js';

/**
 * The fields the schema does not know, from ajv's `additionalProperties` errors: where the
 * API server's decoder prunes them (`structuralpruning.Prune`, after defaulting), before the
 * OpenAPI schema and the CEL rules see the object.
 */
export function unknownFieldPointers(errors: readonly ErrorObject[]): string[] {
  return errors
    .filter((e) => e.keyword === 'additionalProperties')
    .map((e) => appendPointer(e.instancePath, String((e.params as { additionalProperty: string }).additionalProperty)));
}

/**
 * `object` without the fields at `pointers`: the object as the API server validates it, so that
 * an unknown field counts toward no `maxProperties` and no CEL rule sees it. A new value;
 * `object` is left alone.
 */
export function withoutFields(object: JsonObject, pointers: readonly string[]): JsonObject {
  if (!pointers.length) return object;
  const pruned = copyJson(object);
  for (const pointer of pointers) {
    const path = parsePointer(pointer);
    const key = path.pop();
    let parent: unknown = pruned;
    for (const segment of path)
      parent = Array.isArray(parent) ? parent[Number(segment)] : isObject(parent) ? parent[segment] : undefined;
    if (key !== undefined && isObject(parent)) delete parent[key];
  }
  return pruned;
}
