import { testRule } from './rule-tester.js';

testRule('ingress-path-conflict', {
  invalid: {
    'same-route.yaml': [
      '31:19 host shop.example.com path /api (Prefix) is already claimed by Ingress shop/shop (fixtures/rules/ingress-path-conflict/invalid/same-route.yaml:12): only one of them gets the traffic',
    ],
  },
});
