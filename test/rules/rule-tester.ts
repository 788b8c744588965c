import { readdirSync } from 'node:fs';
import { isDeepStrictEqual as equal } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { lint, type LintOptions } from '../../src/index.js';
import type { Rule } from '../../src/lint/rule.js';
import {
  asCase,
  caseTitle,
  describeFindings,
  expectedFinding,
  type InvalidCase,
  outcome,
  type RuleCases,
  runCase,
  schemaProblems,
  seenFindings,
  type ValidCase,
} from './rule-cases.js';

/**
 * A rule's tests, as ESLint's RuleTester writes them: many small manifests the rule must not
 * report (`valid`) and many it must report, each with every finding it must produce (`invalid`):
 * message id, message (or the data that fills it), start and end position; any other finding
 * fails the case. Each case runs only this rule, through the engine, on objects parsed by the
 * loader and frozen, so a rule that writes to its input fails. Each case must be a valid
 * Kubernetes object unless it says `malformed: true` (and then the schema must object to it).
 *
 * Besides the cases: the rule's documented examples run (the invalid one must be reported, the
 * valid one not), each of its messages is expected by some case, and each option of its schema
 * is set by some case whose outcome changes when the option is left out.
 */
export function runRuleTests(rule: Rule, cases: RuleCases): void {
  const id = rule.meta.id;
  if (cases.valid.length === 0 || cases.invalid.length === 0)
    throw new Error(`${id}: a rule's tests need valid and invalid cases`);
  const valid = cases.valid.map(asCase);

  describe(`rule ${id}: cases`, () => {
    describe('valid', () => {
      it.each(valid.map((c, i) => [`#${i + 1} ${caseTitle(c)}`, c] as const))('%s', async (_, c) => {
        const findings = runCase(rule, c);
        if (findings.length) console.error(`${caseTitle(c)}: the rule reports\n${describeFindings(c.yaml, findings)}`);
        expect(seenFindings(findings, [])).toEqual([]);
        await expectSchema(c);
      });
    });

    describe('invalid', () => {
      it.each(cases.invalid.map((c, i) => [`#${i + 1} ${caseTitle(c)}`, c] as const))('%s', async (_, c) => {
        const expected = c.errors.map((e) => expectedFinding(rule, e));
        const withData = c.errors.map((e) => e.data !== undefined);
        const findings = runCase(rule, c);
        const actual = seenFindings(findings, withData);
        if (!equal(actual, expected))
          console.error(`${caseTitle(c)}: the rule reports\n${describeFindings(c.yaml, findings)}`);
        expect(actual).toEqual(expected);
        expect(c.errors.length).toBeGreaterThan(0);
        await expectSchema(c);
      });
    });

    it('has a case for each of its messages', () => {
      const expected = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.meta.messages).filter((m) => !expected.has(m))).toEqual([]);
    });

    const optionNames = Object.keys((rule.meta.options?.schema.properties ?? {}) as object);
    if (optionNames.length) {
      it.each(optionNames)('has a case that fails if the option %s is ignored', (name) => {
        expect(optionMatters(rule, [...valid, ...cases.invalid], name)).toBe(true);
      });
    }

    it('reports its documented invalid example', async () => {
      const example: ValidCase = { yaml: rule.meta.example.invalid };
      const findings = runCase(rule, example);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.filter((f) => f.ruleId !== id)).toEqual([]);
      await expectSchema(example);
    });

    it('reports nothing on its documented valid example', async () => {
      const example: ValidCase = { yaml: rule.meta.example.valid };
      expect(seenFindings(runCase(rule, example), [])).toEqual([]);
      await expectSchema(example);
    });
  });
}

/** A case is a valid object unless it says it is malformed, and then the schema must say so too. */
async function expectSchema(c: ValidCase): Promise<void> {
  const problems = await schemaProblems(c.yaml);
  if (c.malformed) expect(problems.length).toBeGreaterThan(0);
  else expect(problems).toEqual([]);
}

/** Whether some case setting the option gives another outcome with the option left at its default. */
function optionMatters(rule: Rule, all: readonly (ValidCase | InvalidCase)[], name: string): boolean {
  return all.some((c) => {
    if (!c.options || !Object.hasOwn(c.options, name)) return false;
    const { [name]: _, ...without } = c.options;
    return outcome(runCase(rule, c)) !== outcome(runCase(rule, { ...c, options: without }));
  });
}

/** `line:column message` of a rule's findings on some files, run with only that rule on. */
export async function ruleFindings(id: string, files: string[], options: LintOptions = {}): Promise<string[]> {
  const result = await lint(files, { ...options, onlyRules: [id] });
  const rule = result.findings.filter((f) => f.phase === 'rule');
  expect(rule.map((f) => f.ruleId).filter((r) => r !== id)).toEqual([]);
  return rule.map((f) => `${f.line}:${f.column} ${f.message}`);
}

/** Parse and schema problems of a fixture: fixtures are valid Kubernetes objects apart from what their rule reports. */
async function fixtureProblems(file: string): Promise<string[]> {
  const result = await lint([file], { onlyRules: [] });
  return result.findings
    .filter((f) => f.ruleId !== 'schema-missing')
    .map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`);
}

/**
 * The tests every rule has: nothing reported on `fixtures/rules/<id>/valid/*.yaml`, exactly the
 * expected findings (position and message) on each `invalid/*.yaml`, and an expectation for
 * every invalid fixture, so adding one without saying what it should report fails.
 */
export function testRule(id: string, expected: { invalid: Record<string, string[]> }): void {
  const dir = `fixtures/rules/${id}`;
  const valid = readdirSync(`${dir}/valid`).sort();
  const invalid = readdirSync(`${dir}/invalid`).sort();

  describe(`rule ${id}`, () => {
    it('has expectations for exactly the invalid fixtures', () => {
      expect(Object.keys(expected.invalid).sort()).toEqual(invalid);
    });

    it.each(valid)('reports nothing on valid/%s', async (file) => {
      expect(await ruleFindings(id, [`${dir}/valid/${file}`])).toEqual([]);
    });

    it.each(invalid)('reports invalid/%s at the exact positions', async (file) => {
      const findings = await ruleFindings(id, [`${dir}/invalid/${file}`]);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings).toEqual(expected.invalid[file]);
    });

    it.each([...valid.map((f) => `valid/${f}`), ...invalid.map((f) => `invalid/${f}`)])(
      '%s is otherwise a valid manifest',
      async (file) => {
        expect(await fixtureProblems(`${dir}/${file}`)).toEqual([]);
      },
    );
  });
}

/** The same for a manifest written in the test (read as standard input, `<stdin>`). */
export async function ruleFindingsIn(id: string, yaml: string, options: LintOptions = {}): Promise<string[]> {
  return ruleFindings(id, ['-'], { ...options, readStdin: async () => Buffer.from(yaml) });
}
