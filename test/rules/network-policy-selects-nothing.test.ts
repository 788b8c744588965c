import { testRule } from './rule-tester.js';

testRule('network-policy-selects-nothing', {
  invalid: {
    'typo.yaml': [
      '28:5 podSelector app=databse matches no pod template in namespace shop: the policy isolates nothing',
    ],
  },
});
