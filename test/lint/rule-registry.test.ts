import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BUILTIN_RULES } from '../../rules/index.js';
import { renderRulesMarkdown } from '../../src/lint/rule-docs.js';
import { CATEGORY_TITLES } from '../../src/lint/rule.js';

const ids = BUILTIN_RULES.map((r) => r.meta.id);
const ruleFiles = readdirSync('rules')
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('the rule registry', () => {
  it('has every file of rules/ exactly once, in id order, each named after its id', () => {
    expect(ids).toEqual(ruleFiles);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 45 rules', () => {
    expect(ids.length).toBeGreaterThanOrEqual(45);
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
    expect(readFileSync(`test/rules/${id}.test.ts`, 'utf8')).toContain(`testRule('${id}'`);
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
