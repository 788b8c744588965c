import { describe, expect, it } from '@jest/globals';
import { defineRule, type RuleMeta } from '../../src/lint/rule.js';
import { renderRuleDoc, renderRulesMarkdown } from '../../src/lint/rule-docs.js';

const META: RuleMeta = {
  id: 'sample-rule',
  category: 'images',
  severity: 'warning',
  profile: 'default',
  description: 'Reports samples.',
  rationale: 'Samples hurt.',
  remediation: 'Remove the sample.',
  target: 'all',
  example: { invalid: 'kind: Bad\n', valid: 'kind: Good\n' },
  messages: { found: 'found {{what}}' },
};

const rule = (meta: Partial<RuleMeta>) => defineRule({ meta: { ...META, ...meta }, check() {} });

describe('renderRuleDoc', () => {
  it('lists the options with their defaults and descriptions', () => {
    const doc = renderRuleDoc(
      rule({
        options: {
          schema: {
            type: 'object',
            properties: {
              allowed: { type: 'array', description: 'names allowed anyway' },
              strict: { type: 'boolean' },
            },
          },
          defaults: { allowed: ['a'], strict: false },
        },
      }),
    );
    expect(doc).toContain(
      [
        '**Options**',
        '',
        '| option | default | meaning |',
        '|---|---|---|',
        '| `allowed` | `["a"]` | names allowed anyway |',
        '| `strict` | `false` |  |',
        '',
        '**Messages**',
      ].join('\n'),
    );
  });

  it('has no options table when the options declare no properties', () => {
    const doc = renderRuleDoc(rule({ options: { schema: { type: 'object', properties: {} }, defaults: {} } }));
    expect(doc).not.toContain('**Options**');
    expect(doc).not.toContain('| option |');
  });
});

describe('renderRulesMarkdown', () => {
  it('leaves out the headings of categories without rules', () => {
    const md = renderRulesMarkdown([rule({})]);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Images']);
    expect(md).toContain(
      '## Images\n\n| rule | severity | profile | reports |\n|---|---|---|---|\n| [sample-rule](#sample-rule) | warning | default | Reports samples. |\n\n---\n',
    );
  });
});

describe('renderRuleDoc without options', () => {
  it('has no options table', () => {
    expect(renderRuleDoc(rule({}))).not.toContain('**Options**');
  });

  it('has no options table when the schema has no properties at all', () => {
    expect(renderRuleDoc(rule({ options: { schema: { type: 'object' }, defaults: {} } }))).not.toContain('**Options**');
  });
});
