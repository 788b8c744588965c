import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { SharedSubschemas } from '../../src/validate/crd/shared-subschemas.js';
import { validateYaml } from '../helpers/validate.js';
import { crdWithSpec } from '../helpers/crd.js';

/** An object schema whose JSON is long enough to be shared: many string fields. */
function bigSchema(prefix: string): Record<string, unknown> {
  const properties = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`${prefix}${i}`, { type: 'string', description: 'a field' }]),
  );
  return { type: 'object', properties };
}

describe('SharedSubschemas', () => {
  it('replaces each large structural part by a reference, registering a repeated part once', () => {
    const ajv = new Ajv({ strict: false });
    const shared = new SharedSubschemas(ajv);
    const part = bigSchema('f');
    const schema = {
      type: 'object',
      properties: { a: part, b: { type: 'array', items: part }, small: { type: 'string' } },
      additionalProperties: part,
    };
    const out = shared.share(schema) as { properties: Record<string, any>; additionalProperties: unknown };
    const ref = out.properties.a.$ref as string;
    expect(ref).toMatch(/^kubeplan:crd-part:[0-9a-f]{64}$/);
    expect(out.properties.b.items).toEqual({ $ref: ref });
    expect(out.additionalProperties).toEqual({ $ref: ref });
    expect(out.properties.small).toEqual({ type: 'string' });
    expect(Object.keys(ajv.schemas).filter((id) => id.startsWith('kubeplan:'))).toEqual([ref]);
    const validate = ajv.compile(out);
    expect(validate({ a: { f1: 'x' }, b: [{ f2: 'y' }] })).toBe(true);
    expect(validate({ b: [{}, { f2: 3 }] })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/b/1/f2']);
  });

  it('leaves the branches of oneOf, anyOf, allOf and not as they are', () => {
    const shared = new SharedSubschemas(new Ajv({ strict: false }));
    const part = bigSchema('g');
    const schema = { oneOf: [part], anyOf: [part], allOf: [part], not: part };
    expect(shared.share(schema)).toEqual(schema);
  });
});

describe('custom resources of CRDs that share a large part', () => {
  const crd = (kind: string) =>
    `${crdWithSpec(kind, `            type: object\n            properties:\n              template: ${JSON.stringify(bigSchema('field'))}`)}\n---\n`;

  it('reports each object at its own position, in every CRD that holds the part', async () => {
    const text = `${crd('Alpha')}${crd('Beta')}apiVersion: example.com/v1
kind: Alpha
metadata: {name: a}
spec:
  template: {field1: 1}
---
apiVersion: example.com/v1
kind: Beta
metadata: {name: b}
spec:
  template: {field2: x, fieldx: y}
`;
    expect(await validateYaml(text)).toEqual([
      '45:22 schema-invalid spec.template.field1: expected string, got number 1',
      '51:25 schema-unknown-field spec.template.fieldx: unknown field "fieldx"; did you mean "field0"?',
    ]);
  });
});
