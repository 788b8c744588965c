import { testRule } from './rule-tester.js';

testRule('memory-request-missing', {
  invalid: {
    'no-memory.yaml': ['21:15 container "web" has no memory request: the scheduler counts it as needing no memory'],
  },
});
