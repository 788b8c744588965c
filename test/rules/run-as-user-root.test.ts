import { testRule } from './rule-tester.js';

testRule('run-as-user-root', {
  invalid: {
    'root.yaml': [
      '17:20 the pod runs its containers as root (runAsUser: 0), container "web" included',
      '26:24 container "tool" runs as root (runAsUser: 0)',
    ],
  },
});
