import { testRule } from './rule-tester.js';

testRule('privileged-container', {
  invalid: {
    'privileged.yaml': [
      '20:25 init container "sysctl" runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)',
      '27:25 container "vpn" runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)',
    ],
  },
});
