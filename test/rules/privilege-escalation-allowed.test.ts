import { testRule } from './rule-tester.js';

testRule('privilege-escalation-allowed', {
  invalid: {
    'allowed.yaml': [
      '17:11 container "web" does not set allowPrivilegeEscalation: false: its processes can gain privileges (the restricted Pod Security Standard requires false)',
      '22:39 container "sidecar" sets allowPrivilegeEscalation: true: its processes can gain privileges (the restricted Pod Security Standard requires false)',
    ],
  },
});
