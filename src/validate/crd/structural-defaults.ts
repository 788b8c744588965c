import { copyJson } from '../../model/copy-json.js';
import { isObject, type JsonObject } from '../../model/json.js';
import { cached } from '../../model/maps.js';
import { fieldSchema, isSchema, itemSchema, type Schema } from './structural-schema.js';

/**
 * A custom resource as the API server validates it: when it decodes a request it drops the
 * nulls its schema does not allow and that have no default
 * (`structuraldefaulting.PruneNonNullableNullsWithoutDefaults`), then fills in the `default:` of
 * every missing field, and of every null the schema does not allow
 * (`structuraldefaulting.Default`), in properties, list items and map values alike. Only then
 * do the OpenAPI schema and the CEL rules see the object, so a rule may read a field the
 * manifest leaves out.
 *
 * Returns a new value and leaves `object` alone: findings keep the positions of the input.
 * Parts without a schema below them are shared with the input, never changed.
 */
export function withStructuralDefaults(object: JsonObject, schema: Schema): JsonObject {
  return defaulted(object, schema) as JsonObject;
}

/** The schema's default; Kubernetes reads `default: null` as no default. */
function defaultOf(schema: Schema | undefined): unknown {
  return schema?.default ?? undefined;
}

function nonNullable(schema: Schema | undefined): boolean {
  return schema !== undefined && schema.nullable !== true;
}

/** The value the API server puts in place of a null under `schema`; undefined drops the field. */
function replaceNull(schema: Schema | undefined): unknown {
  if (!nonNullable(schema)) return null;
  return copyJson(defaultOf(schema));
}

function schemaOf(value: unknown): Schema | undefined {
  return isSchema(value) ? value : undefined;
}

/** Sets a field; a key named `__proto__` (YAML allows it) stays a key, not the prototype. */
function setField(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A declared property with a `default`, filled in when the object lacks it. */
interface DefaultedProperty {
  key: string;
  schema: Schema;
  fallback: unknown;
}

const defaultedByNode = new WeakMap<Schema, readonly DefaultedProperty[]>();

/** The properties of a schema node that have a default, worked out once per node, not per object. */
function defaultedProperties(schema: Schema): readonly DefaultedProperty[] {
  return cached(defaultedByNode, schema, () =>
    Object.entries(schemaOf(schema.properties) ?? {}).flatMap(([key, value]) => {
      const property = schemaOf(value);
      const fallback = defaultOf(property);
      return property && fallback !== undefined ? [{ key, schema: property, fallback }] : [];
    }),
  );
}

function defaulted(value: unknown, schema: Schema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = itemSchema(schema);
    // A null item cannot be dropped from a list: it becomes the default, or stays null.
    return value.map((item) => defaulted(item === null ? (replaceNull(items) ?? null) : item, items));
  }
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const field = fieldSchema(schema, key);
    const next = item === null ? replaceNull(field) : item;
    if (next !== undefined) setField(out, key, defaulted(next, field));
  }
  for (const property of defaultedProperties(schema))
    if (!Object.hasOwn(value, property.key))
      setField(out, property.key, defaulted(copyJson(property.fallback), property.schema));
  return out;
}
