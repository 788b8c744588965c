import { testRule } from './rule-tester.js';

testRule('api-removed', {
  invalid: {
    'removed-apis.yaml': [
      '1:13 policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25 (target 1.36): use policy/v1 (available since 1.21)',
      '12:13 extensions/v1beta1 Ingress was removed in Kubernetes 1.22 (target 1.36): use networking.k8s.io/v1 (available since 1.19)',
      '22:13 flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32 (target 1.36): use flowcontrol.apiserver.k8s.io/v1 (available since 1.29)',
      '31:13 policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25 (target 1.36): nothing replaces it; use Pod Security Admission (pod-security.kubernetes.io labels on the namespace)',
    ],
  },
});
