import { describe, expect, it } from '@jest/globals';
import { crdWithSpec } from '../helpers/crd.js';
import { validateYaml } from '../helpers/validate.js';

/** A CRD for example.com/v1 Widget whose `spec` schema is `specSchema` (YAML indented for its place). */
function crd(specSchema: string): string {
  return `${crdWithSpec('Widget', specSchema)}\n`;
}

/** A list of objects each with a certificate or a pattern, not both (the shape of Strimzi's trustedCertificates). */
const CERTIFICATES = crd(`            type: object
            properties:
              certificates:
                type: array
                items:
                  type: object
                  properties:
                    secretName: {type: string}
                    certificate: {type: string}
                    pattern: {type: string}
                  oneOf:
                    - properties: {certificate: {}}
                      required: [certificate]
                    - properties: {pattern: {}}
                      required: [pattern]
                  required: [secretName]`);

function widget(spec: string): string {
  return `---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
${spec}`;
}

describe('oneOf, anyOf, allOf and not in a CRD schema only constrain values', () => {
  it('accepts the fields the enclosing properties declare, whatever a branch names', async () => {
    const text = CERTIFICATES + widget('  certificates:\n    - {secretName: ca, pattern: "*.crt"}\n');
    expect(await validateYaml(text)).toEqual([]);
  });

  it('says which alternatives an object matches, once, at the object', async () => {
    const text =
      CERTIFICATES +
      widget(
        [
          '  certificates:',
          '    - {secretName: ca, pattern: "*.crt", certificate: pem}',
          '    - {secretName: ca}',
          '    - {pattern: "*.crt", secretNme: ca}',
          '    - {secretName: other}',
          '',
        ].join('\n'),
      );
    expect(await validateYaml(text)).toEqual([
      '39:7 schema-invalid spec.certificates[0]: must match exactly one alternative of the schema (oneOf), but matches 2 (alternatives 1 and 2)',
      '40:7 schema-invalid spec.certificates[1]: must match exactly one alternative of the schema (oneOf), but matches none: (1) certificate: required field is missing; (2) pattern: required field is missing',
      // Unknown fields come from the enclosing properties, as before.
      '41:7 schema-invalid spec.certificates[2].secretName: required field is missing',
      '41:26 schema-unknown-field spec.certificates[2].secretNme: unknown field "secretNme"; did you mean "secretName"?',
      // Each item has its own message, though the items share their schema.
      '42:7 schema-invalid spec.certificates[3]: must match exactly one alternative of the schema (oneOf), but matches none: (1) certificate: required field is missing; (2) pattern: required field is missing',
    ]);
  });

  it('checks each branch after defaulting, with formats and not, as for a Gateway address', async () => {
    const text =
      crd(`            type: object
            properties:
              addresses:
                type: array
                items:
                  type: object
                  properties:
                    type: {type: string, default: IPAddress}
                    value: {type: string}
                  oneOf:
                    - properties:
                        type: {enum: [IPAddress]}
                        value:
                          anyOf: [{format: ipv4}, {format: ipv6}]
                    - properties:
                        type:
                          not: {enum: [IPAddress]}`) +
      widget(
        [
          '  addresses:',
          '    - {value: 10.0.0.1}',
          '    - {type: Hostname, value: example.com}',
          '    - {value: example.com}',
          '',
        ].join('\n'),
      );
    // Without the default, the first address would match both branches.
    expect(await validateYaml(text)).toEqual([
      '42:7 schema-invalid spec.addresses[2]: must match exactly one alternative of the schema (oneOf), but matches none: (1) value: "example.com" matches none of the formats ipv4 or ipv6; (2) type: "IPAddress" is excluded by the schema (not)',
    ]);
  });

  // Without the guard a null would match both branches of the oneOf, as `required` holds for anything but an object.
  it('does not hold a null against the branches, as kube-openapi checks a null only for its type and enum', async () => {
    const text =
      crd(`            type: object
            properties:
              target:
                type: object
                nullable: true
                properties:
                  a: {type: string}
                  b: {type: string}
                oneOf:
                  - required: [a]
                  - required: [b]
              name:
                type: string
                allOf: [{minLength: 2}, {maxLength: 3}]
                not: {enum: [www]}`) +
      widget(
        '  target: null\n  name: abcd\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: v}\nspec:\n  target: {}\n  name: www\n',
      );
    expect(await validateYaml(text)).toEqual([
      '38:9 schema-invalid spec.name: must NOT have more than 3 characters',
      '44:11 schema-invalid spec.target: must match exactly one alternative of the schema (oneOf), but matches none: (1) a: required field is missing; (2) b: required field is missing',
      '45:9 schema-invalid spec.name: "www" is excluded by the schema (not)',
    ]);
  });
});
