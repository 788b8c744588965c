import { describe, expect, it } from '@jest/globals';
import { defineRule } from '../../src/lint/rule.js';
import { ruleDescriptors } from '../../src/lint/rule-descriptors.js';

describe('ruleDescriptors', () => {
  it('describes a rule with its rationale, then its remediation, as help; then the engine findings', () => {
    const rule = defineRule({
      meta: {
        id: 'sample-rule',
        category: 'images',
        severity: 'warning',
        profile: 'default',
        description: 'Reports samples.',
        rationale: 'Samples hurt.',
        remediation: 'Remove the sample.',
        target: 'all',
        example: { invalid: 'kind: Bad\n', valid: 'kind: Good\n' },
        messages: { found: 'found' },
      },
      check() {},
    });
    const descriptors = ruleDescriptors([rule]);
    expect(descriptors[0]).toEqual({
      id: 'sample-rule',
      description: 'Reports samples.',
      help: 'Samples hurt.\n\nRemove the sample.',
      defaultSeverity: 'warning',
      tags: ['images'],
    });
    expect(descriptors.map((d) => d.id)).toEqual(['sample-rule', 'rule-error', 'ignore-annotation-invalid']);
  });
});
