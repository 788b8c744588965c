import type { KubeObject } from '../model/manifest.js';
import type { JsonObject } from '../model/json.js';
import { type GoType, goType, rootTypeOf } from './apply/api-types.js';
import { type KnownShape, knownShapeOf, knownShapeOfKind } from './unknown-fields.js';

/**
 * Removes, in one walk of the object, what the API server does not store:
 *
 * - fields a built-in kind does not have (unknown-fields.ts);
 * - `null` fields, anywhere: the server decodes `field: null` as "not set" (list items stay);
 * - the empty values that mean the same as no value: `[]`, a map `{}`, and a struct `{}` held by
 *   value (`resources: {}`, `podSelector: {}`). The API server decodes each of them to the same
 *   thing as an absent field, and writes it back either way (a container always comes back with
 *   `resources: {}`), so one side having it and the other not is no difference. A struct held by
 *   a pointer stays: `emptyDir: {}` is a volume, `namespaceSelector: {}` selects every
 *   namespace. Only built-in kinds, whose Go types say which is which (api-types.ts); custom
 *   resources are left as they are.
 *
 * The result is the same as removing the unknown fields, then the nulls, then the empty values,
 * each over the whole object (as test/diff/empty-fields.test.ts checks); one walk instead of
 * three matters because every object of both sides of a diff goes through it. Mutates `object`,
 * which the caller owns.
 */
export function dropUnstoredFields(object: KubeObject): void {
  const apiVersion = String(object.apiVersion);
  const kind = String(object.kind);
  cleanObject(object, knownShapeOfKind(apiVersion, kind), goType(rootTypeOf(apiVersion, kind)), false);
}

/**
 * A value below a field: `known` is its shape in the index of built-in types, `type` the Go type
 * that tells its empty values apart: of the value when it is an object (of each of its values
 * when `map`), of each object in it when it is a list. Undefined where no Go type applies
 * (custom resources, plain maps).
 */
function cleanValue(value: object, known: KnownShape | undefined, type: GoType | undefined, map: boolean): void {
  if (!Array.isArray(value)) {
    cleanObject(value as JsonObject, known, type, map);
    return;
  }
  const items = known?.items;
  for (const item of value) {
    // Null items stay (a list keeps its length); lists in lists have no Go type here.
    if (item !== null && typeof item === 'object')
      cleanValue(item, items, Array.isArray(item) ? undefined : type, false);
  }
}

function cleanObject(object: JsonObject, known: KnownShape | undefined, type: GoType | undefined, map: boolean): void {
  const fields = known?.fields;
  const values = known?.values;
  // A struct's empty fields go; a map of structs only passes the type on to its values.
  const struct = map ? undefined : type;
  for (const key of Object.keys(object)) {
    let childKnown: KnownShape | undefined;
    if (fields) {
      // Own fields only: a field named `constructor` is not one of the type's.
      const shape = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (shape === undefined) {
        delete object[key];
        continue;
      }
      childKnown = knownShapeOf(shape);
    } else childKnown = values;
    const child = object[key];
    if (child === null || child === undefined) {
      delete object[key];
      continue;
    }
    if (typeof child !== 'object') continue;
    if (!struct) {
      cleanValue(child, childKnown, Array.isArray(child) ? undefined : type, false);
      continue;
    }
    const field = Object.hasOwn(struct, key) ? struct[key] : undefined;
    cleanValue(child, childKnown, goType(field?.type), field?.map === true);
    if (Array.isArray(child) ? child.length === 0 : isEmpty(child as JsonObject) && !(field?.pointer && !field.map))
      delete object[key];
  }
}

function isEmpty(object: JsonObject): boolean {
  for (const _ in object) return false;
  return true;
}
