import { testRule } from './rule-tester.js';

testRule('ingress-tls-secret-missing', {
  invalid: {
    'missing-secret.yaml': [
      '10:19 TLS Secret "shop-tls-cert" is not in the input: the host is served with the controller\'s default certificate',
    ],
  },
});
