import { testRule } from './rule-tester.js';

testRule('service-target-port-missing', {
  invalid: {
    'unknown-target-ports.yaml': [
      '34:19 targetPort "web" is not declared by any container the Service selects: the port has no endpoints',
      '36:13 targetPort 9000 is not declared by any container the Service selects: check the number',
      '39:19 targetPort 8443 is not declared by any container the Service selects: check the number',
    ],
  },
});
