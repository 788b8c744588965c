import fc from 'fast-check';

/**
 * Seeded generators for the custom-resource differential test: CRD schemas (structural, as the
 * API server requires of an apiextensions.k8s.io/v1 CRD) with the keywords kubeplan implements,
 * CEL rules on `self`, and objects that sometimes fit their schema and sometimes do not.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type SchemaNode = { [key: string]: Json };

const FIELD_NAMES = ['a', 'b', 'name', 'port', 'mode', 'size', 'items', 'kind'] as const;
const WORDS = [
  '',
  'a',
  'ab',
  'abc',
  'Abc',
  'a-b',
  'a.b',
  'x1',
  '10',
  '1Gi',
  '500m',
  'http://h/p',
  '1.2.3.4',
  'b b',
  'zzzzzzzz',
];
const FORMATS = [
  'date-time',
  'date',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'cidr',
  'uuid',
  'byte',
  'int-or-string',
  'duration',
  'uri',
  'mac',
];
const FORMAT_VALUES = [
  '2024-01-02T03:04:05Z',
  '2024-01-02',
  'a@b.c',
  'host.example',
  '10.0.0.1',
  '::1',
  '10.0.0.0/8',
  '123e4567-e89b-12d3-a456-426614174000',
  'aGVsbG8=',
  '1h2m',
  'http://example.com/x',
  '01:23:45:67:89:ab',
  'not a value',
];
const PATTERNS = ['^[a-z]+$', '^a', '[0-9]$', '^(a|b)*$', '^\\w+$', '^.{0,3}$'];

const word = fc.constantFrom(...WORDS);

function maybe<T extends Record<string, Json>>(arb: fc.Arbitrary<T>): fc.Arbitrary<Partial<T>> {
  return fc.option(arb, { freq: 2, nil: undefined }).map((v) => v ?? {});
}

/** Rules on a string of at most `maxLength` characters. */
const stringRule = fc.constantFrom(
  'self.size() <= 3',
  "self.startsWith('a')",
  "self.endsWith('b')",
  "self.contains('-')",
  "self.matches('^[a-z]*$')",
  'self.lowerAscii() == self',
  "self.split('.').size() < 3",
  "self == '' || self.charAt(0) != 'z'",
  'isQuantity(self)',
  "!isQuantity(self) || quantity(self).isLessThan(quantity('1Gi'))",
  'isURL(self)',
  "self.indexOf('b') != 0",
  "self.replace('a', 'b') != 'bbb'",
  'self.trim() == self',
  "self.find('[0-9]+') == ''",
  'int(self) > 0',
);
const integerRule = fc.constantFrom(
  'self % 2 == 0',
  'self >= 1',
  'self < 100',
  'self != 3',
  'self / 2 < 10',
  'string(self).size() < 3',
);
const numberRule = fc.constantFrom('self >= 0.5', 'self < 10.0', 'int(self) != 2');
const booleanRule = fc.constantFrom('self', '!self');

export interface RuleOptions {
  message?: boolean;
}

function rules(rule: fc.Arbitrary<string>, extra: fc.Arbitrary<Record<string, Json>> = fc.constant({})) {
  return fc
    .array(
      fc
        .tuple(rule, fc.option(fc.constantFrom('must fit', 'bad value'), { nil: undefined }), extra)
        .map(([r, message, more]) => ({
          rule: r,
          ...(message ? { message } : {}),
          ...more,
        })),
      { minLength: 1, maxLength: 2 },
    )
    .map((list) => ({ 'x-kubernetes-validations': list as Json }));
}

const stringSchema: fc.Arbitrary<SchemaNode> = fc
  .tuple(
    maybe(fc.record({ format: fc.constantFrom(...FORMATS) })),
    maybe(fc.record({ enum: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Json> })),
    maybe(fc.record({ pattern: fc.constantFrom(...PATTERNS) })),
    maybe(fc.record({ minLength: fc.integer({ min: 0, max: 3 }) })),
    fc.integer({ min: 1, max: 8 }),
    fc.boolean(),
    maybe(rules(stringRule)),
  )
  .map(([format, en, pattern, minLength, maxLength, bounded, cel]) => ({
    type: 'string',
    ...format,
    ...en,
    ...pattern,
    ...minLength,
    ...(bounded || Object.keys(cel).length ? { maxLength } : {}),
    ...cel,
  }));

const integerSchema: fc.Arbitrary<SchemaNode> = fc
  .tuple(
    maybe(fc.record({ format: fc.constantFrom('int32', 'int64') })),
    maybe(fc.record({ minimum: fc.integer({ min: -2, max: 3 }) })),
    maybe(fc.record({ maximum: fc.integer({ min: 2, max: 10 }) })),
    maybe(fc.record({ exclusiveMinimum: fc.boolean() })),
    maybe(fc.record({ exclusiveMaximum: fc.boolean() })),
    maybe(fc.record({ multipleOf: fc.constantFrom(2, 3) })),
    maybe(
      fc.record({
        enum: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Json>,
      }),
    ),
    maybe(rules(integerRule)),
  )
  .map(([format, min, max, exMin, exMax, multipleOf, en, cel]) => ({
    type: 'integer',
    ...format,
    ...min,
    ...max,
    ...('minimum' in min ? exMin : {}),
    ...('maximum' in max ? exMax : {}),
    ...multipleOf,
    ...en,
    ...cel,
  }));

const numberSchema: fc.Arbitrary<SchemaNode> = fc
  .tuple(
    maybe(fc.record({ minimum: fc.constantFrom(0, 0.5, 1) })),
    maybe(fc.record({ maximum: fc.constantFrom(1.5, 10) })),
    maybe(fc.record({ multipleOf: fc.constantFrom(0.5, 2) })),
    maybe(rules(numberRule)),
  )
  .map(([min, max, multipleOf, cel]) => ({ type: 'number', ...min, ...max, ...multipleOf, ...cel }));

const booleanSchema: fc.Arbitrary<SchemaNode> = maybe(rules(booleanRule)).map((cel) => ({ type: 'boolean', ...cel }));

const intOrStringSchema: fc.Arbitrary<SchemaNode> = fc
  .tuple(
    maybe(fc.record({ pattern: fc.constantFrom('^[0-9]+%?$', '^a') })),
    maybe(fc.record({ maximum: fc.constantFrom(5) })),
    maybe(rules(fc.constantFrom("type(self) == int || self.endsWith('%')", 'type(self) == string || self > 1'))),
  )
  .map(([pattern, max, cel]) => ({ 'x-kubernetes-int-or-string': true, ...pattern, ...max, ...cel }));

const scalarSchema = fc.oneof(
  { weight: 4, arbitrary: stringSchema },
  { weight: 3, arbitrary: integerSchema },
  { weight: 1, arbitrary: numberSchema },
  { weight: 1, arbitrary: booleanSchema },
  { weight: 1, arbitrary: intOrStringSchema },
);

/** Rules for an object node, given its property names and their types. */
function objectRules(props: Record<string, SchemaNode>): fc.Arbitrary<Partial<Record<string, Json>>> {
  const names = Object.keys(props);
  if (!names.length) return fc.constant({});
  const candidates: string[] = [];
  for (const name of names) {
    const s = props[name]!;
    candidates.push(`has(self.${name})`, `!has(self.${name})`);
    if (s.type === 'string') candidates.push(`!has(self.${name}) || self.${name}.size() > 1`, `self.${name} != 'a'`);
    if (s.type === 'integer') candidates.push(`!has(self.${name}) || self.${name} < 5`, `self.${name} > 0`);
    if (s.type === 'array') candidates.push(`!has(self.${name}) || self.${name}.size() < 3`);
  }
  if (names.length > 1) candidates.push(`has(self.${names[0]}) == has(self.${names[1]})`);
  const withFieldPath = fc.constantFrom(...names).map((n) => ({ fieldPath: `.${n}` }) as Record<string, Json>);
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant({} as Record<string, Json>) },
    { weight: 1, arbitrary: withFieldPath },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, Json>>(
        { reason: 'FieldValueForbidden' },
        { reason: 'FieldValueRequired' },
      ),
    },
    { weight: 1, arbitrary: fc.constant<Record<string, Json>>({ messageExpression: "'got ' + string(size(self))" }) },
  );
  return maybe(rules(fc.constantFrom(...candidates), extra));
}

/** A schema of depth at most `depth` below this node. */
export function schemaArb(depth: number): fc.Arbitrary<SchemaNode> {
  if (depth <= 0) return scalarSchema;
  const child = schemaArb(depth - 1);
  const object = fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { minLength: 0, maxLength: 3 }),
      fc.array(child, { minLength: 3, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
      maybe(fc.record({ maxProperties: fc.integer({ min: 0, max: 2 }) })),
      fc.boolean(),
    )
    .chain(([names, schemas, required, nullable, maxProps, preserve]) => {
      const properties: Record<string, SchemaNode> = {};
      names.forEach((n, i) => {
        properties[n] = schemas[i]!;
      });
      const req = names.filter((_, i) => required[i]);
      return objectRules(properties).map((cel) => ({
        type: 'object',
        properties,
        ...(req.length ? { required: req } : {}),
        ...(nullable ? { nullable: true } : {}),
        ...maxProps,
        ...(preserve && !names.length ? { 'x-kubernetes-preserve-unknown-fields': true } : {}),
        ...cel,
      }));
    });
  const map = fc
    .tuple(child, maybe(fc.record({ maxProperties: fc.integer({ min: 1, max: 3 }) })), fc.boolean())
    .map(([values, maxProps, ruled]) => ({
      type: 'object',
      additionalProperties: values,
      ...maxProps,
      ...(ruled ? { maxProperties: 3, 'x-kubernetes-validations': [{ rule: 'self.all(k, k.size() < 4)' }] } : {}),
    }));
  const array = fc
    .tuple(
      child,
      maybe(fc.record({ minItems: fc.integer({ min: 0, max: 2 }) })),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
      fc.constantFrom('atomic', 'set', 'map', undefined),
      maybe(
        rules(
          fc.constantFrom(
            'self.size() < 3',
            'self.all(x, x == x)',
            'self.exists(x, x == self[0])',
            'size(self) == 0 || self[0] == self[0]',
          ),
        ),
      ),
    )
    .map(([items, minItems, maxItems, bounded, listType, cel]) => {
      const node: SchemaNode = {
        type: 'array',
        items,
        ...minItems,
        ...(bounded || Object.keys(cel).length ? { maxItems } : {}),
        ...cel,
      };
      const scalarItems = items.type !== 'object' && items.type !== 'array';
      if (listType === 'set' && scalarItems && items.type) node['x-kubernetes-list-type'] = 'set';
      if (listType === 'atomic') node['x-kubernetes-list-type'] = 'atomic';
      if (listType === 'map' && items.type === 'object' && !items.nullable && isObjectNode(items.properties)) {
        const scalarKeys = Object.entries(items.properties).filter(
          ([, s]) => isObjectNode(s) && ['string', 'integer'].includes(s.type as string),
        );
        if (scalarKeys.length) {
          const key = scalarKeys[0]![0];
          node['x-kubernetes-list-type'] = 'map';
          node['x-kubernetes-list-map-keys'] = [key];
          const req = Array.isArray(items.required) ? items.required : [];
          if (!req.includes(key)) node.items = { ...items, required: [...req, key] };
        }
      }
      return node;
    });
  const embedded = fc.constant<SchemaNode>({
    type: 'object',
    'x-kubernetes-embedded-resource': true,
    'x-kubernetes-preserve-unknown-fields': true,
  });
  return fc.oneof(
    { weight: 3, arbitrary: scalarSchema },
    { weight: 3, arbitrary: object },
    { weight: 1, arbitrary: map },
    { weight: 2, arbitrary: array },
    { weight: 1, arbitrary: embedded },
  );
}

export function isObjectNode(x: unknown): x is SchemaNode {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A value that fits `schema`, mostly; `wrong` gives one that may not. */
export function valueArb(schema: SchemaNode, depth = 0): fc.Arbitrary<Json | undefined> {
  const fitting = fittingArb(schema, depth);
  return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: wrongArb(schema) });
}

function wrongArb(schema: SchemaNode): fc.Arbitrary<Json | undefined> {
  const wrong: Json[] = [null, 's', 7, 2.5, true, { zz: 1 }, [1]];
  if (Array.isArray(schema.enum)) wrong.push('zzz');
  return fc.constantFrom(...wrong);
}

function fittingArb(schema: SchemaNode, depth: number): fc.Arbitrary<Json | undefined> {
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as Json[]));
  if (schema['x-kubernetes-int-or-string'])
    return fc.oneof(fc.integer({ min: -1, max: 8 }), word, fc.constantFrom('50%', '3'));
  if (schema['x-kubernetes-embedded-resource']) {
    return fc.record(
      {
        apiVersion: fc.constantFrom('v1', 'apps/v1', ''),
        kind: fc.constantFrom('ConfigMap', 'Deployment', ''),
        metadata: fc.record({ name: fc.constantFrom('n', 'Bad_Name', 'ok.name') }, { requiredKeys: [] }),
        data: fc.dictionary(fc.constantFrom('k', 'l'), word, { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    );
  }
  switch (schema.type) {
    case 'string':
      if (schema.format && typeof schema.format === 'string') return fc.oneof(fc.constantFrom(...FORMAT_VALUES), word);
      return word;
    case 'integer':
      return fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(2147483648, -2147483649));
    case 'number':
      return fc.oneof(fc.integer({ min: -1, max: 11 }), fc.constantFrom(0.5, 1.5, 2.25, 9.5));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = isObjectNode(schema.items) ? schema.items : {};
      return fc
        .array(valueArb(items, depth + 1), { maxLength: 4 })
        .map((list) => list.filter((x) => x !== undefined) as Json[]);
    }
    case 'object': {
      if (isObjectNode(schema.additionalProperties)) {
        const values = schema.additionalProperties;
        return fc
          .dictionary(fc.constantFrom('k', 'key', 'longkey', 'a.b'), valueArb(values, depth + 1), { maxKeys: 3 })
          .map(dropUndefined);
      }
      const props = isObjectNode(schema.properties) ? schema.properties : {};
      const entries: Record<string, fc.Arbitrary<Json | undefined>> = {};
      for (const [name, s] of Object.entries(props)) if (isObjectNode(s)) entries[name] = valueArb(s, depth + 1);
      const unknown = fc.option(fc.constantFrom('extra', 'nmae', 'spec'), { freq: 6, nil: undefined });
      return fc.tuple(fc.record(entries, { requiredKeys: [] }), unknown).map(([o, extra]) => {
        const out = dropUndefined(o as Record<string, Json | undefined>);
        if (extra !== undefined && !(extra in out)) out[extra] = 'x';
        return out;
      });
    }
    default:
      return fc.constant({});
  }
}

function dropUndefined(o: Record<string, Json | undefined>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * A default the API server takes for this node (it refuses a CRD whose defaults do not fit):
 * drawn where fitting is plain, none where constraints or rules make it unsure.
 */
function defaultArb(schema: SchemaNode): fc.Arbitrary<Json> | undefined {
  if (schema['x-kubernetes-validations'] || schema['x-kubernetes-embedded-resource']) return undefined;
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as Json[]));
  const plain = (keys: string[]) => keys.every((k) => schema[k] === undefined);
  switch (schema.type) {
    case 'string':
      return plain(['format', 'pattern', 'minLength', 'maxLength']) ? word : undefined;
    case 'integer':
      return plain(['minimum', 'maximum', 'multipleOf']) ? fc.integer({ min: -3, max: 12 }) : undefined;
    case 'number':
      return plain(['minimum', 'maximum', 'multipleOf']) ? fc.constantFrom(0.5, 1.5, 3) : undefined;
    case 'boolean':
      return fc.boolean();
    case 'object':
      return plain(['required', 'minProperties']) ? fc.constant({}) : undefined;
    case 'array':
      return plain(['minItems']) ? fc.constant([]) : undefined;
    default:
      return undefined;
  }
}

/** Adds `default`s, drawn from the values that fit, to some nodes of a schema. */
export function withDefaultsArb(schema: SchemaNode, depth = 0): fc.Arbitrary<SchemaNode> {
  const children: Array<[string, fc.Arbitrary<Json>]> = [];
  if (isObjectNode(schema.properties)) {
    const props = schema.properties;
    const entries: Record<string, fc.Arbitrary<SchemaNode>> = {};
    for (const [n, s] of Object.entries(props)) if (isObjectNode(s)) entries[n] = withDefaultsArb(s, depth + 1);
    children.push(['properties', fc.record(entries) as fc.Arbitrary<Json>]);
  }
  if (isObjectNode(schema.items))
    children.push(['items', withDefaultsArb(schema.items, depth + 1) as fc.Arbitrary<Json>]);
  if (isObjectNode(schema.additionalProperties))
    children.push([
      'additionalProperties',
      withDefaultsArb(schema.additionalProperties, depth + 1) as fc.Arbitrary<Json>,
    ]);
  const fitting = defaultArb(schema);
  const own = depth > 0 && fitting ? fc.option(fitting, { freq: 3, nil: undefined }) : fc.constant(undefined);
  return fc.tuple(own, ...children.map(([, a]) => a)).map(([def, ...values]) => {
    const out: SchemaNode = { ...schema };
    children.forEach(([key], i) => {
      out[key] = values[i]!;
    });
    if (def !== undefined) out.default = def;
    return out;
  });
}

/** A CRD of kind Thing (group example.com, version v1) whose `spec` has this schema. */
export function crdOf(spec: SchemaNode, options: { scope?: 'Namespaced' | 'Cluster' } = {}): Record<string, Json> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Thing', plural: 'things', singular: 'thing', listKind: 'ThingList' },
      scope: options.scope ?? 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec } } },
        },
      ],
    },
  };
}

export interface CustomCase {
  crd: Record<string, Json>;
  object: Record<string, Json>;
}

/** A CRD with a random spec schema and an object of its kind. */
export const customCaseArb: fc.Arbitrary<CustomCase> = schemaArb(3)
  .map((s) => (s.type === 'object' ? s : { type: 'object', properties: { value: s } }))
  .chain((s) =>
    fc.tuple(
      withDefaultsArb(s),
      fc.boolean(),
      fc.constantFrom('Namespaced', 'Cluster') as fc.Arbitrary<'Namespaced' | 'Cluster'>,
    ),
  )
  .chain(([spec, withDefaults, scope]) => {
    const schema = withDefaults ? spec : stripDefaults(spec);
    return fc
      .tuple(
        valueArb(schema),
        fc.constantFrom<Json>({ name: 'thing' }, { name: 'thing', labels: { a: 'b' } }, { generateName: 'thing-' }),
      )
      .map(([value, metadata]) => ({
        crd: crdOf(schema, { scope }),
        object: {
          apiVersion: 'example.com/v1',
          kind: 'Thing',
          metadata,
          ...(value === undefined ? {} : { spec: value }),
        } as Record<string, Json>,
      }));
  });

function stripDefaults(s: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'default') continue;
    if (k === 'properties' && isObjectNode(v)) {
      const props: SchemaNode = {};
      for (const [n, p] of Object.entries(v)) props[n] = isObjectNode(p) ? stripDefaults(p) : p;
      out[k] = props;
    } else if ((k === 'items' || k === 'additionalProperties') && isObjectNode(v)) out[k] = stripDefaults(v);
    else out[k] = v;
  }
  return out;
}
