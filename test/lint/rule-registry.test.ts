import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BUILTIN_RULES } from '../../rules/index.js';
import { renderRulesMarkdown } from '../../src/lint/rule-docs.js';
import { placeholdersOf } from '../../src/lint/message-template.js';
import { CATEGORY_TITLES } from '../../src/lint/rule.js';

const ids = BUILTIN_RULES.map((r) => r.meta.id);

/** How many type arguments a `<...>` list holds (commas outside nested brackets). */
function topLevelArguments(list: string): number {
  let depth = 0;
  let count = 1;
  for (const ch of list) {
    if ('<{[('.includes(ch)) depth++;
    else if ('>}])'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) count++;
  }
  return count;
}
const ruleFiles = readdirSync('rules')
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('the rule registry', () => {
  it('has every file of rules/ exactly once, in id order, each named after its id', () => {
    expect(ids).toEqual(ruleFiles);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has 58 rules (a rule removed with its file and its registry entry still shows here)', () => {
    expect(ids.length).toBe(58);
  });

  it.each(ids)('%s: has complete docs, fixtures of both kinds and a test file', (id) => {
    const { meta } = BUILTIN_RULES.find((r) => r.meta.id === id)!;
    expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(Object.keys(CATEGORY_TITLES)).toContain(meta.category);
    for (const text of [meta.description, meta.rationale, meta.remediation, meta.example.invalid, meta.example.valid])
      expect(text.trim().length).toBeGreaterThan(10);
    expect(meta.description).toMatch(/\.$/);
    if (meta.options) {
      const properties = Object.keys((meta.options.schema.properties ?? {}) as object).sort();
      expect(Object.keys(meta.options.defaults).sort()).toEqual(properties);
    }
    for (const kind of ['valid', 'invalid']) {
      const dir = `fixtures/rules/${id}/${kind}`;
      expect(existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(0);
    }
    const test = readFileSync(`test/rules/${id}.test.ts`, 'utf8');
    expect(test).toContain(`testRule('${id}'`);
    expect(test).toContain(`import rule from '../../rules/${id}.js';`);
    expect(test).toContain('runRuleTests(rule, {');
  });

  it.each(ids)('%s: has well-formed message templates', (id) => {
    const { meta } = BUILTIN_RULES.find((r) => r.meta.id === id)!;
    const templates = Object.entries(meta.messages);
    expect(templates.length).toBeGreaterThan(0);
    for (const [messageId, template] of templates) {
      expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
      // Placeholders are written {{name}}; a brace left over is a typo that would print as is.
      const rest = template.replace(/\{\{[A-Za-z][A-Za-z0-9]*\}\}/g, '');
      expect(rest).not.toMatch(/\{\{|\}\}/);
      expect(placeholdersOf(template)).toEqual(
        [...template.matchAll(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g)]
          .map((m) => m[1])
          .filter((n, i, a) => a.indexOf(n) === i),
      );
    }
  });

  it("lets TypeScript check every reported message id against the rule's messages", () => {
    // defineRule infers the ids from meta.messages unless type arguments are given; given, the
    // ids must be among them, or a report of an undeclared id would typecheck.
    const sources = [
      ...ruleFiles.map((f) => `rules/${f}.ts`),
      ...readdirSync('src/lint')
        .filter((f) => f.endsWith('-rules.ts'))
        .map((f) => `src/lint/${f}`),
    ];
    const untyped = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/defineRule<(.*?)>\(\{/gs)]
        .map((m) => m[1]!)
        .filter((args) => topLevelArguments(args) !== 2)
        .map((args) => `${file}: defineRule<${args}>`),
    );
    expect(untyped).toEqual([]);
  });

  it('has no fixture directory without a rule', () => {
    expect(readdirSync('fixtures/rules').sort()).toEqual([...ids].sort());
  });
});

describe('docs/rules.md', () => {
  it('is generated from the current metadata (run npm run docs:rules)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(renderRulesMarkdown(BUILTIN_RULES));
  });
});

describe('rule descriptors for reports', () => {
  it('describe every rule and the engine findings once each', async () => {
    const { ruleDescriptors } = await import('../../src/lint/rule-descriptors.js');
    const descriptors = ruleDescriptors(BUILTIN_RULES);
    expect(descriptors.map((d) => d.id)).toEqual([...ids, 'rule-error', 'ignore-annotation-invalid']);
    expect(descriptors.find((d) => d.id === 'host-port')).toMatchObject({
      defaultSeverity: 'warning',
      tags: ['security'],
    });
  });
});
