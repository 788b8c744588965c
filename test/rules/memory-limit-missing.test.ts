import { testRule } from './rule-tester.js';

testRule('memory-limit-missing', {
  invalid: {
    'no-limit.yaml': ['24:15 container "web" has no memory limit: it can take all the memory of its node'],
  },
});
