import type { KubeObject } from '../model/manifest.js';
import { isObject, type JsonObject } from '../model/json.js';
import { type GoType, goType, rootTypeOf } from './apply/api-types.js';

/**
 * Removes the empty values that mean the same as no value: `[]`, a map `{}`, and a struct `{}`
 * held by value (`resources: {}`, `podSelector: {}`). The API server decodes each of them to the
 * same thing as an absent field, and writes it back either way (a container always comes back
 * with `resources: {}`), so one side having it and the other not is no difference. A struct held
 * by a pointer stays: `emptyDir: {}` is a volume, `namespaceSelector: {}` selects every
 * namespace. Only built-in kinds, whose Go types say which is which (api-types.ts); custom
 * resources are left as they are. Mutates `object`, which the caller owns.
 */
export function dropEmptyFields(object: KubeObject): void {
  const type = goType(rootTypeOf(String(object.apiVersion), String(object.kind)));
  if (type) dropIn(object, type);
}

function dropIn(object: JsonObject, type: GoType): void {
  for (const key in object) {
    const value = object[key];
    if (value === null || typeof value !== 'object') continue;
    const field = type[key];
    const fieldType = goType(field?.type);
    if (Array.isArray(value)) {
      if (value.length === 0) delete object[key];
      else if (fieldType) for (const item of value) if (isObject(item)) dropIn(item, fieldType);
      continue;
    }
    if (fieldType) {
      if (!field?.map) dropIn(value as JsonObject, fieldType);
      else for (const item of Object.values(value)) if (isObject(item)) dropIn(item, fieldType);
    }
    if (isEmpty(value as JsonObject) && !(field?.pointer && !field.map)) delete object[key];
  }
}

function isEmpty(object: JsonObject): boolean {
  for (const _ in object) return false;
  return true;
}
