import { testRule } from './rule-tester.js';

testRule('request-above-limit', {
  invalid: {
    'above.yaml': [
      '21:20 container "web" requests 1.5 cpu but is limited to 1000m: the API server rejects a request above its limit',
      '22:23 container "web" requests 1Gi memory but is limited to 512Mi: the API server rejects a request above its limit',
    ],
  },
});
