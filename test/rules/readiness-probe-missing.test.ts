import { testRule } from './rule-tester.js';

testRule('readiness-probe-missing', {
  invalid: {
    'rollout.yaml': [
      '17:11 container "checkout" has no readiness probe, but Service shop/checkout sends it traffic: requests reach it before it can serve them',
    ],
    'targeted-by-service.yaml': [
      '17:11 container "web" has no readiness probe, but Service shop/web sends it traffic: requests reach it before it can serve them',
    ],
  },
});
