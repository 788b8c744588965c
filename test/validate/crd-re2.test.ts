import { describe, expect, it } from '@jest/globals';
import { evaluateValidationRules } from '../../src/validate/crd/validation-rules.js';
import { crdWithSpec } from '../helpers/crd.js';
import { validateYaml } from '../helpers/validate.js';

/** A CRD for kind Knob whose `spec` schema is given (indented under `spec:`). */
const knobCrd = (spec: string): string => crdWithSpec('Knob', spec);

function knob(name: string, spec: string): string {
  return `---\napiVersion: example.com/v1\nkind: Knob\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
}

describe("a schema's pattern runs as Go's regexp", () => {
  const crd = knobCrd(`            type: object
            properties:
              mode: {type: string, pattern: '^(?i)(abort|warn)?$'}
              name: {type: string, pattern: '^[[:alpha:]]+\\z'}
              replicas: {type: integer}
`);

  it('reads inline flags, \\z and POSIX classes, and validates the rest of the schema', async () => {
    expect(
      await validateYaml(
        crd + knob('good', '{mode: Warn, name: abc}') + knob('bad', '{mode: never, name: "abc\\n", replicas: three}'),
      ),
    ).toEqual([
      '31:14 schema-invalid spec.mode: must match pattern "^(?i)(abort|warn)?$"',
      '31:27 schema-invalid spec.name: must match pattern "^[[:alpha:]]+\\z"',
      '31:46 schema-invalid spec.replicas: expected integer, got string "three"',
    ]);
  });

  it('leaves out a pattern re2js cannot compile, once, with an info on the CRD', async () => {
    // Go's regexp takes duplicate group names; re2js refuses them.
    const text = knobCrd(`            type: object
            properties:
              code: {type: string, pattern: '^(?P<n>a)|(?P<n>b)$'}
              replicas: {type: integer}
`);
    expect(await validateYaml(text + knob('a', '{code: zzz, replicas: x}') + knob('b', '{code: zzz}'))).toEqual([
      '19:45 crd-rule-not-evaluated kubeplan cannot run the pattern "^(?P<n>a)|(?P<n>b)$" (error parsing regexp: duplicate capture group name: `n`); Knob objects are not checked against it',
      '25:29 schema-invalid spec.replicas: expected integer, got string "x"',
    ]);
  });
});

describe("CEL's matches(), find() and findAll() run as Go's regexp", () => {
  const rule = (expression: string, self: unknown) => {
    const { failures, skipped } = evaluateValidationRules({ 'x-kubernetes-validations': [{ rule: expression }] }, self);
    return { failures: failures.length, skipped: skipped.map((s) => s.reason) };
  };
  const holds = { failures: 0, skipped: [] };

  it('reads RE2 syntax in both forms of matches()', () => {
    expect(
      rule("self.s.matches(r'^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$')", { s: 'grpc.Health_V1' }),
    ).toEqual(holds);
    expect(rule("self.s.matches(r'^(?i)[a-z_.]+$')", { s: 'grpc.health.v1' })).toEqual({ failures: 1, skipped: [] });
    expect(rule("matches(self.s, '^\\\\pL+\\\\z')", { s: 'héllo' })).toEqual(holds);
    expect(rule("(self.s + 'X').matches('(?i)x$')", { s: 'ab' })).toEqual(holds);
    expect(rule("self.s.matches('^a.b$')", { s: 'a\nb' })).toEqual({ failures: 1, skipped: [] });
  });

  it("has Kubernetes' find() and findAll()", () => {
    expect(rule("self.s.find('[0-9]+') == '12' && self.s.find('x') == ''", { s: 'ab12' })).toEqual(holds);
    expect(rule("self.s.findAll('[0-9]') == ['1', '2'] && self.s.findAll('[0-9]', 1) == ['1']", { s: 'a1b2' })).toEqual(
      holds,
    );
  });

  it('reports a pattern re2js refuses as not evaluated, never as an error on the object', () => {
    expect(rule("self.s.matches('(?P<n>a)(?P<n>b)')", { s: 'ab' })).toEqual({
      failures: 0,
      skipped: ['error parsing regexp: duplicate capture group name: `n`'],
    });
    expect(rule('self.s.find(self.p) == self.s', { s: 'ab', p: '(' })).toEqual({
      failures: 0,
      skipped: ['error parsing regexp: missing closing ): `(`'],
    });
  });

  it('refuses a custom resource the rule refuses, and no other', async () => {
    const crd = knobCrd(`            type: object
            x-kubernetes-validations:
            - rule: "self.service.matches(r'^(?i)[a-z_.]+$')"
              message: service must be a dotted name
            properties:
              service: {type: string}
`);
    expect(
      await validateYaml(crd + knob('good', '{service: Grpc.Health}') + knob('bad', '{service: grpc.health.v1}')),
    ).toEqual(['32:7 schema-invalid spec: Invalid value: service must be a dotted name']);
  });
});
