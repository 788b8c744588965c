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
  cleanObject(object, rootPlace(String(object.apiVersion), String(object.kind)));
}

/** The root place of each apiVersion and kind, found once rather than by building their names into keys for every object. */
const rootPlaces = new Map<string, Map<string, Place>>();

function rootPlace(apiVersion: string, kind: string): Place {
  let byKind = rootPlaces.get(apiVersion);
  if (!byKind) {
    byKind = new Map();
    rootPlaces.set(apiVersion, byKind);
  }
  let place = byKind.get(kind);
  if (!place) {
    place = placeOf(knownShapeOfKind(apiVersion, kind), goType(rootTypeOf(apiVersion, kind)), false);
    byKind.set(kind, place);
  }
  return place;
}

/**
 * A place in an object, as the walk sees it: its shape in the index of built-in types
 * (`known`), and the Go type that tells its empty values apart: of the value when it is an
 * object (of each of its values when `map`), of each object in it when it is a list. No Go type
 * where none applies (custom resources, plain maps). What the walk does at each field of a
 * place is worked out the first time and kept: every object of both sides of a diff goes
 * through here, with the same few hundred fields.
 */
interface Place {
  known: KnownShape | undefined;
  type: GoType | undefined;
  map: boolean;
  /** By field name, for the fields the index or the Go type has. */
  fields: Map<string, Field>;
  /** At any other field: the same for all of them. */
  other?: Field;
  /** Of a list's items that are objects, and that are lists. */
  objectItems?: Place;
  listItems?: Place;
}

interface Field {
  /** Not a field of the type: removed. */
  unknown: boolean;
  /** Where the value is, when it is an object or a list. */
  objectPlace?: Place;
  listPlace?: Place;
  /** Whether the value goes when empty (a field of a struct), and whether an empty object stays (a pointer). */
  dropEmpty: boolean;
  keepEmptyObject: boolean;
}

const UNKNOWN: Field = { unknown: true, dropEmpty: false, keepEmptyObject: false };

/** The one Place of each (shape, type, map). */
const places = new Map<KnownShape | undefined, Map<GoType | undefined, [Place | undefined, Place | undefined]>>();

function placeOf(known: KnownShape | undefined, type: GoType | undefined, map: boolean): Place {
  let byType = places.get(known);
  if (!byType) {
    byType = new Map();
    places.set(known, byType);
  }
  let pair = byType.get(type);
  if (!pair) {
    pair = [undefined, undefined];
    byType.set(type, pair);
  }
  const index = map ? 1 : 0;
  let place = pair[index];
  if (!place) {
    place = { known, type, map, fields: new Map() };
    pair[index] = place;
  }
  return place;
}

/** What the walk does at `key` of an object at `place`. */
function fieldAt(place: Place, key: string): Field {
  const cached = place.fields.get(key);
  if (cached) return cached;
  const fields = place.known?.fields;
  // Own fields only: a field named `constructor` is not one of the type's.
  if (fields && !Object.hasOwn(fields, key)) return UNKNOWN;
  const struct = place.map ? undefined : place.type;
  const own = fields !== undefined || (struct !== undefined && Object.hasOwn(struct, key));
  if (!own) {
    place.other ??= readField(place, key);
    return place.other;
  }
  const field = readField(place, key);
  place.fields.set(key, field);
  return field;
}

function readField(place: Place, key: string): Field {
  const fields = place.known?.fields;
  const known = fields ? knownShapeOf(fields[key]!) : place.known?.values;
  const struct = place.map ? undefined : place.type;
  if (!struct) {
    // A map of structs passes its type on to its values; elsewhere nothing is typed.
    return {
      unknown: false,
      objectPlace: placeOf(known, place.type, false),
      listPlace: placeOf(known, undefined, false),
      dropEmpty: false,
      keepEmptyObject: false,
    };
  }
  const field = Object.hasOwn(struct, key) ? struct[key] : undefined;
  const type = goType(field?.type);
  return {
    unknown: false,
    objectPlace: placeOf(known, type, field?.map === true),
    listPlace: placeOf(known, type, false),
    dropEmpty: true,
    keepEmptyObject: field?.pointer === true && !field.map,
  };
}

function cleanList(list: unknown[], place: Place): void {
  for (const item of list) {
    // Null items stay (a list keeps its length); lists in lists have no Go type here.
    if (item === null || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      place.listItems ??= placeOf(place.known?.items, undefined, false);
      cleanList(item, place.listItems);
    } else {
      place.objectItems ??= placeOf(place.known?.items, place.type, false);
      cleanObject(item as JsonObject, place.objectItems);
    }
  }
}

function cleanObject(object: JsonObject, place: Place): void {
  for (const key of Object.keys(object)) {
    const field = fieldAt(place, key);
    const child = object[key];
    if (field.unknown || child === null || child === undefined) {
      delete object[key];
      continue;
    }
    if (typeof child !== 'object') continue;
    if (Array.isArray(child)) {
      cleanList(child, field.listPlace!);
      if (field.dropEmpty && child.length === 0) delete object[key];
    } else {
      cleanObject(child as JsonObject, field.objectPlace!);
      if (field.dropEmpty && !field.keepEmptyObject && isEmpty(child as JsonObject)) delete object[key];
    }
  }
}

function isEmpty(object: JsonObject): boolean {
  for (const _ in object) return false;
  return true;
}
