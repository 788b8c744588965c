import { testRule } from './rule-tester.js';

testRule('seccomp-profile-missing', {
  invalid: {
    'unset-and-unconfined.yaml': [
      '16:7 no seccomp profile for container "web", container "sidecar": set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)',
      '45:21 container "tracer" runs with the Unconfined seccomp profile, forbidden by the baseline Pod Security Standard',
    ],
  },
});
