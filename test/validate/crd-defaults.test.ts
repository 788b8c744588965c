import { describe, expect, it } from '@jest/globals';
import { withStructuralDefaults } from '../../src/validate/crd/structural-defaults.js';
import { crdWithSpec } from '../helpers/crd.js';
import { validateYaml } from '../helpers/validate.js';

/** A CRD for example.com/v1 Route whose `spec` schema is `specSchema` (YAML indented for its place). */
function crd(specSchema: string): string {
  return `${crdWithSpec('Route', specSchema)}\n---\n`;
}

const BACKEND_REFS = crd(`            type: object
            properties:
              backendRefs:
                type: array
                items:
                  type: object
                  properties:
                    name: {type: string}
                    kind: {type: string, default: Service}
                    port: {type: integer}
                  x-kubernetes-validations:
                    - rule: "self.kind == 'Service' ? has(self.port) : true"
                      message: Must have port for Service reference
              weights:
                type: object
                additionalProperties:
                  type: object
                  properties:
                    weight: {type: integer, default: 1}
                  x-kubernetes-validations:
                    - rule: self.weight > 0
                      message: weight must be positive`);

describe('custom resources are defaulted from their structural schema before validation', () => {
  it('lets CEL rules read the defaults of list items and map values, as the API server does', async () => {
    const text = `${BACKEND_REFS}apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  backendRefs:
    - {name: web, port: 8080}
    - {name: bucket, kind: Bucket}
  weights:
    web: {}
`;
    expect(await validateYaml(text)).toEqual([]);
  });

  it('refuses what the rule refuses with the default in place, at the position of the input', async () => {
    const text = `${BACKEND_REFS}apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  backendRefs:
    - name: web
`;
    expect(await validateYaml(text)).toEqual([
      '45:7 schema-invalid spec.backendRefs[0]: Invalid value: Must have port for Service reference',
    ]);
  });

  it("drops the nulls the schema does not allow and fills in the defaults of those it has, as the API server's decoder does", async () => {
    const text = `${crd(`            type: object
            required: [name]
            properties:
              name: {type: string}
              mode: {type: string, default: Fast}
              note: {type: string, nullable: true, default: none}
              tags:
                type: array
                items: {type: string}`)}apiVersion: example.com/v1
kind: Route
metadata: {name: r}
spec:
  name: null
  mode: null
  note: null
  tags: [a, null]
`;
    // name is dropped, so it is missing (where the null is written); mode becomes Fast; note may be
    // null; a list item cannot be dropped and stays a null the schema refuses.
    expect(await validateYaml(text)).toEqual([
      '31:9 schema-invalid spec.name: required field is missing',
      '34:13 schema-invalid spec.tags[1]: expected string, got null',
    ]);
  });
});

describe('withStructuralDefaults', () => {
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          options: {
            type: 'object',
            default: { retries: 2 },
            properties: { retries: { type: 'integer' }, backoff: { type: 'string', default: '1s' } },
          },
          hosts: { type: 'array', items: { type: 'string', default: 'localhost' } },
          labels: { type: 'object', additionalProperties: { type: 'string', default: 'x' } },
          plain: { type: 'string', default: null },
        },
      },
    },
  };

  it('returns a defaulted copy and leaves the input as it was', () => {
    const input = { spec: { hosts: [null, 'a'], labels: { team: null }, plain: null } };
    const before = JSON.stringify(input);
    expect(withStructuralDefaults(input, schema)).toEqual({
      // A default is itself defaulted (backoff); `default: null` is no default, so the null goes.
      spec: { hosts: ['localhost', 'a'], labels: { team: 'x' }, options: { retries: 2, backoff: '1s' } },
    });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('gives each place its own copy of a default', () => {
    const first = withStructuralDefaults({ spec: {} }, schema);
    (first.spec as { options: { retries: number } }).options.retries = 9;
    expect(withStructuralDefaults({ spec: {} }, schema)).toEqual({ spec: { options: { retries: 2, backoff: '1s' } } });
  });

  it('keeps a field named __proto__ as a field', () => {
    const input = JSON.parse('{"spec": {"labels": {"__proto__": null}}}');
    const out = withStructuralDefaults(input, schema) as { spec: { labels: object } };
    expect(Object.keys(out.spec.labels)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out.spec.labels)).toBe(Object.prototype);
  });
});
