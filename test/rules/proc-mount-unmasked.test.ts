import { testRule } from './rule-tester.js';

testRule('proc-mount-unmasked', {
  invalid: {
    'unmasked.yaml': [
      '20:24 container "web" sets procMount Unmasked: /proc is not masked (the baseline Pod Security Standard allows only Default)',
    ],
  },
});
