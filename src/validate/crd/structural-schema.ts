import { dig, isObject, type JsonObject } from '../../model/json.js';
import { UNIQUE_BY_KEYWORD, uniqueByOf } from './list-types.js';
import { NUMERIC_KEYWORD, numericKeyword } from './numeric.js';
import { crdFormatName } from './formats.js';

/**
 * Turns a CRD's `openAPIV3Schema` (a Kubernetes "structural schema") into a JSON Schema that ajv
 * checks the way the API server does with strict field validation:
 * - objects reject fields their schema does not declare, unless
 *   `x-kubernetes-preserve-unknown-fields: true` (or `additionalProperties` describes a map);
 * - `x-kubernetes-int-or-string: true` accepts an integer or a string;
 * - `nullable: true` accepts null;
 * - `x-kubernetes-embedded-resource: true` objects may carry apiVersion, kind and metadata;
 * - `allOf`, `anyOf`, `oneOf` and `not` only constrain values (see `toValueValidation`);
 * - `x-kubernetes-list-type: set` and `map` lists hold no duplicates (list-types.ts).
 * CEL rules (`x-kubernetes-validations`) are evaluated apart (validation-rules.ts); defaults are
 * applied to the object before either check (structural-defaults.ts).
 */
export type Schema = JsonObject;

const PASSTHROUGH = [
  'description',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
] as const;

/** A schema node is a JSON object; anything else where a schema belongs is no schema. */
export const isSchema: (value: unknown) => value is Schema = isObject;

/** The schema of a list's items; undefined when there is none. */
export function itemSchema(schema: Schema | undefined): Schema | undefined {
  return isSchema(schema?.items) ? schema.items : undefined;
}

/** Whether the schema's `properties` declares `key`: own keys only, `__proto__` or `toString` never are. */
export function declares(schema: Schema | undefined, key: string): boolean {
  return isSchema(schema?.properties) && Object.hasOwn(schema.properties, key);
}

/**
 * The schema of an object's field `key`: the property's when `properties` declares it, else
 * `additionalProperties` (the values of a map); undefined when that is no schema.
 */
export function fieldSchema(schema: Schema | undefined, key: string): Schema | undefined {
  const field = declares(schema, key) ? dig(schema, 'properties', key) : schema?.additionalProperties;
  return isSchema(field) ? field : undefined;
}

/** The keywords that constrain a value alone, the same in the structural part and in branches. */
function valueKeywords(input: Schema): Schema {
  const out: Schema = {};
  for (const key of PASSTHROUGH) if (input[key] !== undefined) out[key] = input[key];
  // Only the formats the API server keeps for CRDs, checked its way (formats.ts).
  const format = typeof input.format === 'string' ? crdFormatName(input.format, input.type) : undefined;
  if (format) out.format = format;
  // Numeric bounds as kube-openapi compares them (numeric.ts).
  const numeric = numericKeyword(input);
  if (numeric) out[NUMERIC_KEYWORD] = { ...numeric };
  return out;
}

/**
 * Copies `allOf`, `anyOf`, `oneOf` and `not`, each branch a value validation. kube-openapi checks
 * a null only against `type` and `enum`, never against these, hence the `if`.
 */
function junctors(input: Schema, out: Schema): void {
  const branches: Schema = {};
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = input[key];
    if (Array.isArray(list)) branches[key] = list.filter(isSchema).map(toValueValidation);
  }
  if (isSchema(input.not)) branches.not = toValueValidation(input.not);
  if (Object.keys(branches).length) {
    out.if = { type: 'null' };
    out.else = branches;
  }
}

/**
 * A branch of `allOf`, `anyOf`, `oneOf` or `not`. In a structural schema a branch declares no
 * field: it only constrains the values of fields the enclosing `properties` declare, and the API
 * server checks it as such (kube-openapi validates a branch's `properties` only for the fields
 * present, and nothing there rejects other fields). So no `additionalProperties: false`, no
 * apiVersion/kind/metadata, no type added. A `type` written in a branch is kept: the one
 * structural schemas allow (`anyOf: [{type: integer}, {type: string}]` under
 * `x-kubernetes-int-or-string`) is checked by the API server too.
 */
function toValueValidation(input: Schema): Schema {
  const out = valueKeywords(input);
  if (typeof input.type === 'string') out.type = input.type;
  junctors(input, out);
  if (isSchema(input.items)) out.items = toValueValidation(input.items);
  if (isSchema(input.properties)) {
    const properties: Schema = {};
    for (const [name, prop] of Object.entries(input.properties))
      if (isSchema(prop)) properties[name] = toValueValidation(prop);
    out.properties = properties;
  }
  if (isSchema(input.additionalProperties)) out.additionalProperties = toValueValidation(input.additionalProperties);
  return out;
}

export function toJsonSchema(input: Schema, options: { root?: boolean } = {}): Schema {
  const out = valueKeywords(input);

  const intOrString = input['x-kubernetes-int-or-string'] === true;
  const preserve = input['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = input['x-kubernetes-embedded-resource'] === true;

  if (intOrString) out.type = ['integer', 'string'];
  // kube-openapi's type check lets a list through where a string with a format is expected
  // (its typeValidator returns early for a slice when the schema has a format), and nothing
  // else of a string schema applies to a list: the API server accepts it.
  else if (input.type === 'string' && out.format !== undefined) out.type = ['string', 'array'];
  else if (typeof input.type === 'string') out.type = input.type;
  if (input.nullable === true && out.type !== undefined)
    out.type = [...(Array.isArray(out.type) ? out.type : [out.type]), 'null'];
  if (input.nullable === true && Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];

  junctors(input, out);
  if (isSchema(input.items)) out.items = toJsonSchema(input.items);
  const uniqueBy = uniqueByOf(input);
  if (uniqueBy) out[UNIQUE_BY_KEYWORD] = uniqueBy;

  const properties: Schema = {};
  if (isSchema(input.properties)) {
    for (const [name, prop] of Object.entries(input.properties))
      if (isSchema(prop)) properties[name] = toJsonSchema(prop);
  }
  if (embedded || options.root) {
    properties.apiVersion ??= { type: 'string' };
    properties.kind ??= { type: 'string' };
    // metadata is checked against the built-in ObjectMeta separately.
    properties.metadata = { type: 'object' };
  }
  if (Object.keys(properties).length) out.properties = properties;

  if (isSchema(input.additionalProperties)) out.additionalProperties = toJsonSchema(input.additionalProperties);
  else if (input.additionalProperties === true || preserve) out.additionalProperties = true;
  else if (input.type === 'object' || out.properties) out.additionalProperties = false;

  return out;
}
