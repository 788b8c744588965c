import { describe, expect, it } from '@jest/globals';
import { ruleFindings, testRule } from './rule-tester.js';

testRule('secret-in-env-value', {
  invalid: {
    'plain-values.yaml': [
      '23:22 container "web": DATABASE_PASSWORD is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
      '25:22 container "web": stripe_api_key is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
    ],
  },
});

describe('secret-in-env-value', () => {
  it('uses the configured name pattern', async () => {
    const config = { rules: { 'secret-in-env-value': { options: { namePattern: '^LOG_' } } } };
    expect(
      await ruleFindings('secret-in-env-value', ['fixtures/rules/secret-in-env-value/invalid/plain-values.yaml'], {
        config,
      }),
    ).toEqual([
      '21:22 container "web": LOG_LEVEL is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
    ]);
  });

  it('never prints the value', async () => {
    const findings = await ruleFindings('secret-in-env-value', [
      'fixtures/rules/secret-in-env-value/invalid/plain-values.yaml',
    ]);
    expect(findings.join('\n')).not.toMatch(/hunter2|sk_live/);
  });
});
