import { testRule } from './rule-tester.js';

testRule('hpa-target-missing', {
  invalid: {
    'renamed-target.yaml': [
      '28:11 scaleTargetRef names Deployment "api-server" (apps/v1), which is not in the input: the autoscaler scales nothing',
    ],
  },
});
