import { describe, expect, it } from '@jest/globals';
import { crdWithSpec } from '../helpers/crd.js';
import { validateYaml } from '../helpers/validate.js';

/**
 * Minimal cases where kubeplan and the API server (test/differential/custom-resources.test.ts)
 * disagreed on a custom resource, each now judged as the API server judges it.
 */
describe('custom resources judged as the API server judges them', () => {
  it('checks maxProperties without the unknown fields the API server prunes first', async () => {
    const text = `${crdWithSpec(
      'Limit',
      `            type: object
            maxProperties: 1
            properties:
              port: {type: integer}
`,
    )}---
apiVersion: example.com/v1
kind: Limit
metadata: {name: l}
spec: {port: 1, extra: x}
`;
    expect(await validateYaml(text)).toEqual([
      '25:17 schema-unknown-field spec.extra: unknown field "extra" (the schema has no such field)',
    ]);
  });

  it('runs CEL rules on the object without its unknown fields', async () => {
    const text = `${crdWithSpec(
      'Counted',
      `            type: object
            x-kubernetes-preserve-unknown-fields: false
            x-kubernetes-validations:
            - rule: "!has(self.extra)"
            properties:
              port: {type: integer}
`,
    )}---
apiVersion: example.com/v1
kind: Counted
metadata: {name: c}
spec: {port: 1, extra: x}
`;
    expect(await validateYaml(text, { strict: false })).toEqual([]);
  });

  it('refuses an embedded resource with an empty kind or no apiVersion', async () => {
    const text = `${crdWithSpec(
      'Wrapper',
      `            type: object
            x-kubernetes-embedded-resource: true
            x-kubernetes-preserve-unknown-fields: true
`,
    )}---
apiVersion: example.com/v1
kind: Wrapper
metadata: {name: w}
spec:
  kind: ""
  metadata: {name: a/b}
`;
    expect(await validateYaml(text)).toEqual([
      '25:3 schema-invalid spec.apiVersion: Required value',
      '25:9 schema-invalid spec.kind: Invalid value: "": must not be empty',
      `26:20 schema-invalid spec.metadata.name: Invalid value: "a/b": may not contain '/'`,
    ]);
  });

  it('refuses a mixed-case kind only where its lower case is no DNS-1035 label, and an apiVersion of three parts', async () => {
    const text = `${crdWithSpec(
      'Holder',
      `            type: object
            properties:
              good:
                type: object
                x-kubernetes-embedded-resource: true
                x-kubernetes-preserve-unknown-fields: true
              bad:
                type: object
                x-kubernetes-embedded-resource: true
                x-kubernetes-preserve-unknown-fields: true
`,
    )}---
apiVersion: example.com/v1
kind: Holder
metadata: {name: h}
spec:
  good: {apiVersion: apps/v1, kind: StatefulSet}
  bad: {apiVersion: a/b/c, kind: 1Set}
`;
    expect(await validateYaml(text)).toEqual([
      '33:21 schema-invalid spec.bad.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      '33:34 schema-invalid spec.bad.kind: Invalid value: "1Set": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character',
    ]);
  });

  it('checks a whole number against a fractional multipleOf as kube-openapi does: truncated', async () => {
    const text = `${crdWithSpec(
      'Ratio',
      `            type: object
            properties:
              half: {type: number, multipleOf: 0.5}
              step: {type: number, multipleOf: 2.5}
`,
    )}---
apiVersion: example.com/v1
kind: Ratio
metadata: {name: r}
spec: {half: 2, step: 5}
---
apiVersion: example.com/v1
kind: Ratio
metadata: {name: s}
spec: {half: 1.5, step: 7.5}
`;
    expect(await validateYaml(text)).toEqual([
      '25:14 schema-invalid spec.half: a whole number is checked against multipleOf 0.5 as against 0, so the API server refuses it: factor MultipleOf declared for spec.half must be positive: 0',
      '25:23 schema-invalid spec.step: should be a multiple of 2 (the API server compares a whole number with multipleOf 2.5 truncated to 2)',
    ]);
  });
});

describe('numeric bounds of custom resources, as kube-openapi compares them', () => {
  it('compares a whole number with a fractional minimum or maximum truncated, a fraction as it is', async () => {
    const text = `${crdWithSpec(
      'Bounded',
      `            type: object
            properties:
              low: {type: number, minimum: 0.5}
              high: {type: number, maximum: 1.5}
              ex: {type: number, minimum: 0.5, exclusiveMinimum: true}
              count: {type: integer, minimum: 0.5}
`,
    )}---
apiVersion: example.com/v1
kind: Bounded
metadata: {name: b}
spec: {low: 0, high: 1, ex: 0, count: 3}
---
apiVersion: example.com/v1
kind: Bounded
metadata: {name: c}
spec: {low: 0.25, high: 2, ex: 0.5}
`;
    expect(await validateYaml(text)).toEqual([
      '27:29 schema-invalid spec.ex: must be > 0 (the API server compares a whole number with minimum 0.5 truncated to 0)',
      '27:39 schema-invalid spec.count: Minimum boundary value must be of type integer (default format) in spec.count',
      '32:13 schema-invalid spec.low: must be >= 0.5',
      '32:25 schema-invalid spec.high: must be <= 1 (the API server compares a whole number with maximum 1.5 truncated to 1)',
      '32:32 schema-invalid spec.ex: must be > 0.5',
    ]);
  });
});

describe('formats of custom resources, as the API server checks them', () => {
  const crd = crdWithSpec(
    'Formatted',
    `            type: object
            properties:
              time: {type: string, format: time}
              ref: {type: string, format: uri-reference}
              port: {type: string, format: int-or-string}
              host: {type: string, format: hostname}
              address: {type: string, format: ipv4}
              timeout: {type: string, format: duration}
              since: {type: string, format: date-time}
              count: {type: integer, format: int32}
`,
  );

  it('checks only the formats the API server keeps for CRDs, its way', async () => {
    const text = `${crd}---
apiVersion: example.com/v1
kind: Formatted
metadata: {name: f}
spec:
  time: not a time
  ref: not a reference
  port: not a port
  host: a.b
  address: 010.0.0.1
  timeout: 3 days
  since: 2024-02-30T10:00:00Z
  count: 2147483648
`;
    expect(await validateYaml(text)).toEqual([
      '35:9 schema-invalid spec.host: "a.b" does not match the format hostname',
      '38:10 schema-invalid spec.since: "2024-02-30T10:00:00Z" is not an RFC 3339 date-time (such as 2024-01-31T12:00:00Z)',
      '39:10 schema-invalid spec.count: 2147483648 is out of range for a 32-bit integer',
    ]);
  });

  it('accepts a list where a string with a format is expected, as kube-openapi does', async () => {
    const text = `${crd}---
apiVersion: example.com/v1
kind: Formatted
metadata: {name: f}
spec:
  host: [1]
  since: {a: 1}
`;
    expect(await validateYaml(text)).toEqual([
      '33:10 schema-invalid spec.since: expected string or array, got an object',
    ]);
  });
});

describe('list types of custom resources', () => {
  it('reports an item repeated three times once, at its first repeat, as the API server does', async () => {
    const text = `${crdWithSpec(
      'Tags',
      `            type: object
            properties:
              tags:
                type: array
                x-kubernetes-list-type: set
                items: {type: string}
`,
    )}---
apiVersion: example.com/v1
kind: Tags
metadata: {name: t}
spec: {tags: [a, a, a]}
`;
    expect(await validateYaml(text)).toEqual(['27:18 schema-invalid spec.tags[1]: Duplicate value: "a"']);
  });
});

describe('CEL rules after a schema error', () => {
  it('are not run when a string does not match its format: kube-openapi calls that a type error', async () => {
    const text = `${crdWithSpec(
      'Linked',
      `            type: object
            properties:
              link: {type: string, format: uri}
              size: {type: integer}
            x-kubernetes-validations:
            - rule: "self.size != 2"
`,
    )}---
apiVersion: example.com/v1
kind: Linked
metadata: {name: l}
spec: {link: "", size: 2}
`;
    expect(await validateYaml(text)).toEqual([
      '24:1 crd-rule-not-evaluated some validation rules of the CustomResourceDefinition were not checked because the object was invalid; correct the existing errors to complete validation',
      '27:14 schema-invalid spec.link: "" does not match the format uri',
    ]);
  });
});

describe('the email format', () => {
  it('refuses a long value without an @ at once (no backtracking through nested repetition)', async () => {
    const text = `${crdWithSpec(
      'Mailed',
      `            type: object
            properties:
              to: {type: string, format: email}
`,
    )}---
apiVersion: example.com/v1
kind: Mailed
metadata: {name: m}
spec: {to: 123e4567-e89b-12d3-a456-426614174000-123e4567-e89b}
`;
    expect(await validateYaml(text)).toEqual([
      '24:12 schema-invalid spec.to: "123e4567-e89b-12d3-a456-426614174000-123…" does not match the format email',
    ]);
  }, 5_000);
});

describe('CEL rules on a list that passes for a string with a format', () => {
  it('refuse it: cel-go cannot read the list as the string the schema declares', async () => {
    const text = `${crdWithSpec(
      'Hosted',
      `            type: object
            properties:
              host:
                type: string
                format: hostname
                x-kubernetes-validations:
                - {rule: "self.startsWith('a')", message: must start with a}
`,
    )}---
apiVersion: example.com/v1
kind: Hosted
metadata: {name: h}
spec: {host: [1]}
`;
    expect(await validateYaml(text)).toEqual([
      '28:14 schema-invalid spec.host: Invalid value: "string": invalid data, expected string, got []interface {} evaluating rule: must start with a',
    ]);
  });
});

describe('map lists with an item that is no object', () => {
  it('report the item, and no repeated keys, as the API server does', async () => {
    const text = `${crdWithSpec(
      'Keyed',
      `            type: object
            properties:
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
`,
    )}---
apiVersion: example.com/v1
kind: Keyed
metadata: {name: k}
spec: {ports: [7, {name: a}, {name: a}]}
`;
    expect(await validateYaml(text)).toEqual(['32:16 schema-invalid spec.ports[0]: expected object, got number 7']);
  });
});

describe('CEL rules and null fields', () => {
  it('see a null field of an object as absent, and a null map value as present', async () => {
    const text = `${crdWithSpec(
      'Nulled',
      `            type: object
            properties:
              mode: {type: object, nullable: true, properties: {a: {type: string}}}
              labels:
                type: object
                additionalProperties: {type: string, nullable: true}
                x-kubernetes-validations:
                - {rule: "'k' in self", message: k is set}
            x-kubernetes-validations:
            - {rule: "has(self.mode)", message: mode is set}
`,
    )}---
apiVersion: example.com/v1
kind: Nulled
metadata: {name: nn}
spec: {mode: null, labels: {k: null}}
`;
    expect(await validateYaml(text)).toEqual(['31:7 schema-invalid spec: Invalid value: mode is set']);
  });
});
