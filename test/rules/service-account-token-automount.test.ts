import { testRule } from './rule-tester.js';

testRule('service-account-token-automount', {
  invalid: {
    'default-account.yaml': [
      '16:7 the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
      '26:3 the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
    ],
  },
});
