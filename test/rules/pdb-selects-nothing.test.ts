import { testRule } from './rule-tester.js';

testRule('pdb-selects-nothing', {
  invalid: {
    'typo.yaml': ['28:5 selector app=fronted matches no pod template in namespace shop: the budget protects nothing'],
  },
});
