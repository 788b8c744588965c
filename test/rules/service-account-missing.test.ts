import { testRule } from './rule-tester.js';

testRule('service-account-missing', {
  invalid: {
    'missing-account.yaml': [
      '16:27 ServiceAccount "web-sa" is not in the input: the API server refuses to create the pods',
    ],
  },
});
