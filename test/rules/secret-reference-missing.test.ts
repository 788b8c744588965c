import { testRule } from './rule-tester.js';

testRule('secret-reference-missing', {
  invalid: {
    'missing-secrets.yaml': [
      '17:17 imagePullSecrets references Secret "registry-credentials", which is not in the input: the pod does not start without it',
      '31:25 volume "certs" references Secret "web-certs", which is not in the input: the pod does not start without it',
      '66:25 container "web" env API_TOKEN references Secret "api-token", which is not in the input: the pod does not start without it',
    ],
  },
});
