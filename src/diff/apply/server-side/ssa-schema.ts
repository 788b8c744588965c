import { byApiVersionAndKind } from '../api-types.js';
import { SSA_SCHEMA } from './ssa-schema.generated.js';

/**
 * The schema the API server's field manager works with under server-side apply, generated from
 * upstream's (generate-api-types.ts). Only what changes how values merge and who owns them is
 * kept: named struct types, lists (atomic, a set, or keyed by some fields, with the defaults of
 * key fields an item may omit) and maps of one type. A field it does not list is a plain value.
 */
export interface SsaRef {
  named?: string;
  list?: SsaRef;
  keys?: readonly string[];
  set?: boolean;
  defaults?: Readonly<Record<string, unknown>>;
  map?: SsaRef;
  atomic?: boolean;
}

export interface SsaType {
  fields?: Readonly<Record<string, SsaRef>>;
  elements?: SsaRef;
  atomic?: boolean;
  /** A value of any shape (RawExtension, JSON). */
  untyped?: boolean;
}

export interface SsaSchema {
  /** `"apps/v1 Deployment"` → its schema type. */
  kinds: Readonly<Record<string, string>>;
  types: Readonly<Record<string, SsaType>>;
}

/** How a list's items are told apart: not at all (replaced whole), by value, or by key fields. */
export interface ListShape {
  kind: 'list';
  element: SsaRef | undefined;
  relationship: 'atomic' | 'set' | 'map';
  keys: readonly string[];
  defaults: Readonly<Record<string, unknown>>;
}

/**
 * A map: a struct (`fields`, each field its own type) or a map of one type (`elements`);
 * `atomic` ones are owned and replaced whole.
 */
export interface MapShape {
  kind: 'map';
  fields: Readonly<Record<string, SsaRef>> | undefined;
  elements: SsaRef | undefined;
  atomic: boolean;
}

/**
 * What a schema type allows: a struct or map, a list, a plain value. A type without an entry
 * (a custom resource, a field the schema does not list) is "deduced" from the value: maps
 * granular, lists atomic, as the API server treats values it has no schema for.
 */
export interface Shape {
  map?: MapShape;
  list?: ListShape;
}

const UNTYPED_ATOMIC = '__untyped_atomic_';
const DEDUCED: Shape = {
  map: { kind: 'map', fields: undefined, elements: undefined, atomic: false },
  list: { kind: 'list', element: { named: UNTYPED_ATOMIC }, relationship: 'atomic', keys: [], defaults: {} },
};
const shapes = new Map<SsaRef, Shape>();

/** The shape of a type reference; undefined: deduced from the value. */
export function shapeOf(ref: SsaRef | undefined): Shape {
  if (ref === undefined) return DEDUCED;
  let shape = shapes.get(ref);
  if (!shape) {
    shape = computeShape(ref);
    shapes.set(ref, shape);
  }
  return shape;
}

function computeShape(ref: SsaRef): Shape {
  if (ref.list) {
    const relationship = ref.set ? 'set' : ref.keys?.length ? 'map' : 'atomic';
    const element = ref.list.named || ref.list.list || ref.list.map ? ref.list : undefined;
    return { list: { kind: 'list', element, relationship, keys: ref.keys ?? [], defaults: ref.defaults ?? {} } };
  }
  if (ref.map) {
    const elements = ref.map.named || ref.map.list || ref.map.map ? ref.map : undefined;
    return { map: { kind: 'map', fields: undefined, elements, atomic: ref.atomic === true } };
  }
  const type = ref.named === undefined ? undefined : SSA_SCHEMA.types[ref.named];
  if (!type) return DEDUCED;
  const map: MapShape = {
    kind: 'map',
    fields: type.fields ?? {},
    elements: type.elements,
    atomic: type.atomic === true,
  };
  if (type.elements) map.fields = undefined;
  if (!type.untyped) return { map };
  // Untyped values: lists atomic; maps atomic all the way down under the atomic type, else granular.
  return {
    map: { ...map, fields: undefined, elements: ref.named === UNTYPED_ATOMIC ? ref : undefined },
    list: { kind: 'list', element: { named: UNTYPED_ATOMIC }, relationship: 'atomic', keys: [], defaults: {} },
  };
}

/** The type of a struct's field, or of a map's values; undefined: deduced. */
export function fieldRef(shape: MapShape, key: string): SsaRef | undefined {
  return shape.fields ? shape.fields[key] : shape.elements;
}

/** Whether `key` is a field the struct declares (a map's keys are not). */
export function isNamedField(shape: MapShape | undefined, key: string): boolean {
  return shape?.fields !== undefined && Object.hasOwn(shape.fields, key);
}

const schemaTypeOfKind = byApiVersionAndKind(SSA_SCHEMA.kinds);

/** One reference per named type: shapes are cached by reference. */
const ROOT_REFS = new Map<string, SsaRef>();

/** The type of a kind's objects; undefined (deduced) for a custom resource. */
export function rootRefOf(apiVersion: string, kind: string): SsaRef | undefined {
  const named = schemaTypeOfKind(apiVersion, kind);
  if (named === undefined) return undefined;
  let ref = ROOT_REFS.get(named);
  if (!ref) {
    ref = { named };
    ROOT_REFS.set(named, ref);
  }
  return ref;
}
