import { testRule } from './rule-tester.js';

testRule('liveness-probe-missing', {
  invalid: {
    'deployment.yaml': ['23:11 container "sidecar" has no liveness probe: if it hangs, nothing restarts it'],
  },
});
