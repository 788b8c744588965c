import { testRule } from './rule-tester.js';

testRule('duplicate-object', {
  invalid: {
    'copies.yaml': [
      '12:9 ConfigMap shop/web-config is already defined at fixtures/rules/duplicate-object/invalid/copies.yaml:1; the later definition replaces it when applied',
    ],
  },
});
