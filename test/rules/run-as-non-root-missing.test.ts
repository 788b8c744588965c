import { testRule } from './rule-tester.js';

testRule('run-as-non-root-missing', {
  invalid: {
    'not-required.yaml': [
      '20:13 container "web" is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root',
      '21:11 container "sidecar" is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root',
      '40:23 container "legacy" sets runAsNonRoot: false (from the pod): it may run as root',
    ],
  },
});
