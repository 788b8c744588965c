import { testRule } from './rule-tester.js';

testRule('duplicate-env-name', {
  invalid: {
    'repeated.yaml': ['24:21 container "web" sets LOG_LEVEL again (first at env[0]); only the last value takes effect'],
  },
});
