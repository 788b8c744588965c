import { describe, expect, it } from '@jest/globals';
import { ruleFindings, testRule } from './rule-tester.js';

testRule('capabilities-dangerous', {
  invalid: {
    'added.yaml': [
      '21:21 init container "iptables" adds the capability ALL, outside the baseline Pod Security Standard',
      '27:39 container "web" adds the capability SYS_ADMIN, outside the baseline Pod Security Standard',
      '27:50 container "web" adds the capability NET_ADMIN, outside the baseline Pod Security Standard',
    ],
  },
});

describe('capabilities-dangerous options', () => {
  it('accepts the capabilities the configuration allows', async () => {
    const config = { rules: { 'capabilities-dangerous': { options: { allowed: ['NET_ADMIN', 'ALL'] } } } };
    expect(
      await ruleFindings('capabilities-dangerous', ['fixtures/rules/capabilities-dangerous/invalid/added.yaml'], {
        config,
      }),
    ).toEqual(['27:39 container "web" adds the capability SYS_ADMIN, outside the baseline Pod Security Standard']);
  });
});
