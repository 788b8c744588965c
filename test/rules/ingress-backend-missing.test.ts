import { testRule } from './rule-tester.js';

testRule('ingress-backend-missing', {
  invalid: {
    'missing-service-and-ports.yaml': [
      '53:27 Service "web" has no port 8080 (its ports: 80 (http)): requests on this route fail',
      '60:25 Service "web" has no port named "https" (its ports: 80 (http)): requests on this route fail',
      '65:23 backend Service "api" is not in the input: requests on this route fail',
    ],
  },
});
