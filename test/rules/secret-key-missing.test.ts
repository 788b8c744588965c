import { testRule } from './rule-tester.js';

testRule('secret-key-missing', {
  invalid: {
    'missing-key.yaml': [
      '62:24 container "web" env DATABASE_PASSWORD references key "db-password" of Secret "web-secrets", which has no such key (it has "database-password", "replica-password")',
    ],
  },
});
