import { testRule } from './rule-tester.js';

testRule('pdb-selects-nothing', {
  invalid: {
    'no-selector.yaml': ['8:3 the budget has no spec.selector, so it selects no pod (policy/v1): it protects nothing'],
    'typo.yaml': ['28:5 selector app=fronted matches no pod template in namespace shop: the budget protects nothing'],
  },
});
