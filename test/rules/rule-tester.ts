import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { lint, type LintOptions } from '../../src/index.js';

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
