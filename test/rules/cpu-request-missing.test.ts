import { testRule } from './rule-tester.js';

testRule('cpu-request-missing', {
  invalid: {
    'no-cpu.yaml': [
      '17:11 init container "migrate" has no CPU request: the scheduler counts it as needing no CPU',
      '24:15 container "web" has no CPU request: the scheduler counts it as needing no CPU',
      '25:11 container "sidecar" has no CPU request: the scheduler counts it as needing no CPU',
    ],
  },
});
