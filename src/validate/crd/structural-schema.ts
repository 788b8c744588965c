/**
 * Turns a CRD's `openAPIV3Schema` (a Kubernetes "structural schema") into a JSON Schema that ajv
 * checks the way the API server does with strict field validation:
 * - objects reject fields their schema does not declare, unless
 *   `x-kubernetes-preserve-unknown-fields: true` (or `additionalProperties` describes a map);
 * - `x-kubernetes-int-or-string: true` accepts an integer or a string;
 * - `nullable: true` accepts null;
 * - `x-kubernetes-embedded-resource: true` objects may carry apiVersion, kind and metadata.
 * CEL rules (`x-kubernetes-validations`) are evaluated apart (validation-rules.ts); defaults are not applied.
 */
export type Schema = Record<string, unknown>;

const PASSTHROUGH = [
  'description',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
] as const;

export function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function toJsonSchema(input: Schema, options: { root?: boolean } = {}): Schema {
  const out: Schema = {};
  for (const key of PASSTHROUGH) if (input[key] !== undefined) out[key] = input[key];
  // draft-04 booleans → draft-07 numbers, as Kubernetes still accepts the old form.
  if (input.exclusiveMinimum === true) {
    out.exclusiveMinimum = input.minimum;
    delete out.minimum;
  } else if (input.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (input.exclusiveMaximum === true) {
    out.exclusiveMaximum = input.maximum;
    delete out.maximum;
  } else if (input.exclusiveMaximum === false) delete out.exclusiveMaximum;

  const intOrString = input['x-kubernetes-int-or-string'] === true;
  const preserve = input['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = input['x-kubernetes-embedded-resource'] === true;

  if (intOrString) out.type = ['integer', 'string'];
  else if (typeof input.type === 'string') out.type = input.type;
  if (input.nullable === true && out.type !== undefined)
    out.type = [...(Array.isArray(out.type) ? out.type : [out.type]), 'null'];
  if (input.nullable === true && Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];

  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = input[key];
    if (Array.isArray(list)) out[key] = list.filter(isSchema).map((s) => toJsonSchema(s));
  }
  if (isSchema(input.not)) out.not = toJsonSchema(input.not);
  if (isSchema(input.items)) out.items = toJsonSchema(input.items);

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
