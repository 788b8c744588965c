import { describe, expect, it } from '@jest/globals';
import { PER_CALL_LIMIT, RUNTIME_CEL_COST_BUDGET } from '../../../src/validate/crd/cel-cost.js';
import { evaluateValidationRules } from '../../../src/validate/crd/validation-rules.js';
import type { Schema } from '../../../src/validate/crd/structural-schema.js';
import { crdWithSpec } from '../../helpers/crd.js';
import { validateYaml } from '../../helpers/validate.js';

/** A CRD for kind Loop whose `spec` has the given rules, a list of integers and a string `name`. */
function loopCrd(rules: readonly string[]): string {
  return crdWithSpec(
    'Loop',
    `            type: object
            x-kubernetes-validations:
${rules.map((rule) => `            - rule: ${JSON.stringify(rule)}`).join('\n')}
            properties:
              list: {type: array, maxItems: 1000, items: {type: integer}}
              name: {type: string}
`,
  );
}

function specSchema(rules: ReadonlyArray<Record<string, string>>): Schema {
  return {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-kubernetes-validations': rules,
        properties: { s: { type: 'string' }, other: { type: 'object', 'x-kubernetes-validations': rules } },
      },
    },
  } as Schema;
}

const NESTED_LOOPS = 'self.list.all(a, self.list.all(b, self.list.all(c, a + b + c >= 0)))';

describe("CEL rules are bounded by the API server's cost limits", () => {
  it('has the numbers of k8s.io/apiserver/pkg/apis/cel', () => {
    expect([PER_CALL_LIMIT, RUNTIME_CEL_COST_BUDGET]).toEqual([1_000_000, 10_000_000]);
  });

  it('stops a rule looping over a billion combinations quickly, at its node, and runs no further rule', async () => {
    const list = `[${Array.from({ length: 1000 }, (_, i) => i).join(', ')}]`;
    const yaml = `${loopCrd([NESTED_LOOPS, 'self.name == "never"'])}---
apiVersion: example.com/v1
kind: Loop
metadata: {name: big}
spec:
  name: loop
  list: ${list}
`;
    const started = Date.now();
    expect(await validateYaml(yaml)).toEqual([
      `29:3 schema-invalid spec: Invalid value: "object": 'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: ${NESTED_LOOPS}`,
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('names the message instead of the rule, as the API server does', () => {
    const list = Array.from({ length: 500 }, (_, i) => i);
    const schema = {
      type: 'object',
      'x-kubernetes-validations': [{ rule: 'self.list.map(a, self.list.map(b, a * b)).size() > 0', message: 'big' }],
      properties: { list: { type: 'array', items: { type: 'integer' } } },
    } as Schema;
    expect(evaluateValidationRules(schema, { list }).failures).toEqual([
      {
        pointer: '',
        message:
          '<nil>: Invalid value: "object": \'operation cancelled: actual cost limit exceeded\': no further validation rules will be run due to call cost exceeds limit for rule: big',
      },
    ]);
  });

  it("stops when the object's rules together run out of the budget, with no rule after it run", () => {
    // Each evaluation builds a string of 4 million characters: 400,000 units, as cel-go counts
    // the traversal of a string; 25 of them are over the budget of 10 million.
    const s = 'x'.repeat(2_000_000);
    const rules = Array.from({ length: 30 }, () => ({ rule: 'self.s + self.s != "x"' }));
    const { failures } = evaluateValidationRules(specSchema([...rules, { rule: 'false' }]), {
      spec: { s, other: { s } },
    });
    expect(failures).toEqual([
      {
        pointer: '/spec',
        message:
          'spec: Invalid value: "object": validation failed due to running out of cost budget, no further validation rules will be run',
      },
    ]);
  });

  it('counts a messageExpression against the budget too', () => {
    const s = 'x'.repeat(2_000_000);
    const cheap = Array.from({ length: 24 }, () => ({ rule: 'self.s + self.s != "x"' }));
    const failing = { rule: 'false', messageExpression: 'self.s + self.s + "!"' };
    const { failures } = evaluateValidationRules(specSchema([...cheap, failing]), { spec: { s } });
    expect(failures).toEqual([
      {
        pointer: '/spec',
        message:
          'spec: Invalid value: "object": messageExpression validation failed due to running out of cost budget, no further validation rules will be run',
      },
    ]);
  });

  it('leaves rules within the limits as they were, a catastrophic pattern included (RE2)', () => {
    const schema = specSchema([{ rule: "self.s.matches('^(a+)+$')", message: 'only a' }]);
    const started = Date.now();
    expect(evaluateValidationRules(schema, { spec: { s: `${'a'.repeat(34)}b` } }).failures).toEqual([
      { pointer: '/spec', message: 'spec: Invalid value: only a' },
    ]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
