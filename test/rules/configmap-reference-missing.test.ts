import { describe, expect, it } from '@jest/globals';
import { ruleFindings, testRule } from './rule-tester.js';

testRule('configmap-reference-missing', {
  invalid: {
    'missing-configmaps.yaml': [
      '33:25 volume "certs" references ConfigMap "ca-bundle", which is not in the input: the pod does not start without it',
      '42:23 container "web" envFrom references ConfigMap "web-confg", which is not in the input: the pod does not start without it',
    ],
  },
});

describe('configmap-reference-missing with assumeComplete', () => {
  it('reports references to kinds the input does not define at all', async () => {
    const config = { rules: { 'configmap-reference-missing': { options: { assumeComplete: true } } } };
    expect(
      await ruleFindings(
        'configmap-reference-missing',
        ['fixtures/rules/configmap-reference-missing/valid/no-configmaps-in-input.yaml'],
        { config },
      ),
    ).toEqual([
      '21:23 container "web" envFrom references ConfigMap "managed-elsewhere", which is not in the input: the pod does not start without it',
    ]);
  });
});
