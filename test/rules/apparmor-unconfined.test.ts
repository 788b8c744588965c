import { testRule } from './rule-tester.js';

testRule('apparmor-unconfined', {
  invalid: {
    'unconfined.yaml': [
      '16:65 container "sidecar" runs without AppArmor confinement (annotation container.apparmor.security.beta.kubernetes.io/sidecar: unconfined)',
      '20:17 the pod runs its containers without AppArmor confinement (appArmorProfile Unconfined)',
    ],
  },
});
