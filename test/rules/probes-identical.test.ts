import { testRule } from './rule-tester.js';

testRule('probes-identical', {
  invalid: {
    'same-check.yaml': [
      '25:13 container "web": the liveness probe is identical to the readiness probe, so a slow container is restarted instead of only taken out of rotation',
    ],
  },
});
