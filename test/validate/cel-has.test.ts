import { describe, expect, it } from '@jest/globals';
import { evaluateValidationRules } from '../../src/validate/crd/validation-rules.js';
import { validateYaml } from '../helpers/validate.js';

/** The failures (messages) and skipped rules (reasons) of one rule on the root. */
function evaluate(rule: string, self: unknown): { failures: string[]; skipped: string[] } {
  const { failures, skipped } = evaluateValidationRules(
    { type: 'object', 'x-kubernetes-validations': [{ rule, message: 'refused' }] },
    self,
  );
  return { failures: failures.map((f) => f.message), skipped: skipped.map((s) => s.reason) };
}

const holds = { failures: [], skipped: [] };
const refused = { failures: ['<nil>: Invalid value: refused'], skipped: [] };
const runtimeError = (detail: string) => ({
  failures: [`<nil>: Invalid value: "object": ${detail} evaluating rule: refused`],
  skipped: [],
});

describe('has() on any field selection, as cel-go', () => {
  // Results from cel-go (k8s.io/apiserver v0.37) on the same rules and values.
  it('evaluates the operand, then tests the field on its value', () => {
    const rule = 'size(self.matches) == 0 || has(self.matches[0].path)';
    expect(evaluate(rule, { matches: [{ path: '/' }] })).toEqual(holds);
    expect(evaluate(rule, { matches: [{}] })).toEqual(refused);
    expect(evaluate(rule, { matches: [] })).toEqual(holds);
    expect(evaluate("has(self.m['k'].x)", { m: { k: { x: 1 } } })).toEqual(holds);
    expect(evaluate('has((self.x ? self.a : self.b).c)', { x: true, a: { c: 1 }, b: {} })).toEqual(holds);
    expect(evaluate('has(self.l[0].x.y)', { l: [{ x: {} }] })).toEqual(refused);
    expect(evaluate('self.l.all(i, has(i.x[0].y))', { l: [{ x: [{ y: 1 }] }, { x: [{}] }] })).toEqual(refused);
  });

  it('refuses the object when the operand itself fails, in cel-go words', () => {
    expect(evaluate('has(self.matches[0].path)', { matches: [] })).toEqual(runtimeError('index out of bounds: 0'));
    expect(evaluate('has(self.l[0].x.y)', { l: [{}] })).toEqual(runtimeError('no such key: x'));
    expect(evaluate("has(self.m['z'].x)", { m: { k: {} } })).toEqual(runtimeError('no such key: z'));
  });

  it('accepts an HTTPRoute rule whose first match has a path, and refuses one without', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: routes.example.com}
spec:
  group: example.com
  names: {kind: Route, plural: routes}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-validations:
            - rule: "size(self.matches) != 1 || has(self.matches[0].path)"
              message: a single match needs a path
            properties:
              matches:
                type: array
                items:
                  type: object
                  properties:
                    path: {type: string}
                    method: {type: string}
`;
    const route = (name: string, matches: string) =>
      `---\napiVersion: example.com/v1\nkind: Route\nmetadata: {name: ${name}}\nspec:\n  matches: ${matches}\n`;
    expect(await validateYaml(crd + route('ok', '[{path: /}]') + route('bad', '[{method: GET}]'))).toEqual([
      '40:3 schema-invalid spec: Invalid value: a single match needs a path',
    ]);
  });
});

describe('a rule kubeplan cannot evaluate says so, and never refuses the object', () => {
  it('skips a rule whose operands cel-js types otherwise than cel-go', () => {
    expect(evaluate("self.a + self.b == 'x'", { a: 1, b: 'x' })).toEqual({
      failures: [],
      skipped: ['no such overload: dyn<int> + dyn<string>'],
    });
    expect(evaluate('self.a ? true : false', { a: 'x' })).toEqual({
      failures: [],
      skipped: ["Ternary condition must be bool, got 'string'"],
    });
  });

  it('still refuses the object for the errors cel-go gives on that value', () => {
    expect(evaluate('self.x.y == 1', { x: {} })).toEqual(runtimeError('no such key: y'));
    expect(evaluate('[1, 2][5] == 1', {})).toEqual(runtimeError('index out of bounds: 5'));
    expect(evaluate('quantity(self.q).isInteger()', { q: 'lots' })).toEqual(runtimeError('invalid quantity: lots'));
  });
});
