import { testRule } from './rule-tester.js';

testRule('host-port', {
  invalid: {
    'host-port.yaml': [
      '22:25 container "web" binds port 80 on the node (hostPort): one such pod per node, outside NetworkPolicies',
    ],
  },
});
