import { describe, expect, it } from '@jest/globals';
import imageTagLatest from '../../rules/image-tag-latest.js';
import { defineRule, type Rule } from '../../src/lint/rule.js';
import { deepFreeze, expectedFinding, runCase, schemaProblems } from './rule-cases.js';

/** The checks the RuleTester relies on can fail: a test of the tester's own parts. */

const POD = `
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
      - {name: web, image: "nginx:latest"}
`;

/** A rule that writes to its input, as a careless rule might (defaulting a field in place). */
const mutating: Rule = defineRule({
  meta: {
    ...imageTagLatest.meta,
    id: 'test-mutating',
    options: undefined,
    messages: { touched: 'touched {{name}}' },
  },
  check(ctx) {
    (ctx.object as Record<string, unknown>).status = {};
    ctx.report({ pointer: '', messageId: 'touched', data: { name: 'web' } });
  },
});

describe('the RuleTester', () => {
  it('freezes the objects a rule sees, so a rule that writes to them fails with a rule-error', () => {
    const findings = runCase(mutating, { yaml: POD });
    expect(findings.map((f) => f.ruleId)).toEqual(['rule-error']);
    expect(findings[0]!.message).toMatch(/^rule test-mutating failed on this object \(Cannot add property status/);
  });

  it('freezes nested values too', () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(() => {
      (value.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
  });

  it('runs suppression annotations as the engine does', () => {
    const suppressed = POD.replace(
      'metadata: {name: web}',
      'metadata: {name: web, annotations: {kubeplan.io/ignore: image-tag-latest}}',
    );
    expect(runCase(imageTagLatest, { yaml: POD }).map((f) => f.messageId)).toEqual(['movingTag']);
    expect(runCase(imageTagLatest, { yaml: suppressed })).toEqual([]);
  });

  it('refuses options the rule schema does not allow, and a case that does not load', () => {
    expect(() => runCase(imageTagLatest, { yaml: POD, options: { mutableTag: ['x'] } })).toThrow(/invalid options/);
    expect(() => runCase(imageTagLatest, { yaml: 'kind: [' })).toThrow(/the case does not load/);
  });

  it('finds the schema problems of a case, such as a misspelt field that would make it pass vacuously', async () => {
    expect(await schemaProblems(POD)).toEqual([]);
    expect(await schemaProblems(POD.replace('image:', 'imag:'))).toEqual([
      '6:19 schema-unknown-field spec.containers[0].imag: unknown field "imag"; did you mean "image"?',
    ]);
  });

  it('needs the data or the text of each expected finding, and a message id the rule has', () => {
    const at = { line: 1, column: 1, endLine: 1, endColumn: 2 };
    expect(() => expectedFinding(imageTagLatest, { messageId: 'movingTag', ...at })).toThrow(
      /give its data or its message/,
    );
    expect(() => expectedFinding(imageTagLatest, { messageId: 'latest', data: {}, ...at })).toThrow(
      /has no message "latest"/,
    );
    expect(
      expectedFinding(imageTagLatest, {
        messageId: 'noTag',
        data: { container: 'container "web"', image: 'nginx' },
        ...at,
      }).message,
    ).toBe('container "web": image "nginx" has no tag (Kubernetes pulls "latest"); pin a version or a digest');
  });
});
