import { parsePointer } from '../model/json-pointer.js';
import type { KubeObject } from '../model/manifest.js';
import { builtinType } from '../validate/builtin-kinds.js';
import { findUnknownFields } from '../validate/unknown-fields.js';
import { isObject } from '../model/json.js';

/**
 * Removes the fields a built-in kind does not have (a misspelled `imagePulPolicy`, a field at the
 * wrong level): the API server never stores them (it drops them with a warning, or refuses the
 * whole object under strict validation), so they change nothing in the cluster. Lint reports
 * each of them. Custom resources are left as they are. Mutates `object`, which the caller owns.
 */
export function dropUnknownFields(object: KubeObject): void {
  const type = builtinType(String(object.apiVersion), String(object.kind));
  if (!type) return;
  for (const unknown of findUnknownFields(object, type)) {
    const path = parsePointer(unknown.pointer);
    const key = path.pop()!;
    let parent: unknown = object;
    for (const segment of path)
      parent = Array.isArray(parent) ? parent[Number(segment)] : isObject(parent) ? parent[segment] : undefined;
    if (isObject(parent)) delete parent[key];
  }
}
