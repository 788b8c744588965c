import { testRule } from './rule-tester.js';

testRule('configmap-key-missing', {
  invalid: {
    'missing-keys.yaml': [
      '25:22 volume "config" references key "mime.types" of ConfigMap "web-config", which has no such key (it has "LOG_LEVEL", "nginx.conf")',
      '51:24 container "web" env LOG_LEVEL references key "LOG_LEVL" of ConfigMap "web-config", which has no such key; did you mean "LOG_LEVEL"?',
    ],
  },
});
