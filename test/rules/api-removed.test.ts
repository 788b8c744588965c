import rule from '../../rules/api-removed.js';
import { runRuleTests, testRule } from './rule-tester.js';

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

runRuleTests(rule, {
  valid: [
    {
      name: 'current API versions; custom resources are not in the table',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: example.com/v1beta1
        kind: Ingress
        metadata: {name: web}
      `,
    },
    {
      name: 'still served by the target release',
      kubeVersion: '1.24',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'removed in the target release (default 1.36)',
      yaml: `
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata: {name: api}
        spec: {minAvailable: 1, selector: {matchLabels: {app: api}}}
        ---
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata: {name: restricted}
      `,
      errors: [
        {
          messageId: 'removed',
          data: {
            apiVersion: 'policy/v1beta1',
            kind: 'PodDisruptionBudget',
            removedIn: '1.25',
            target: '1.36',
            advice: 'use policy/v1 (available since 1.21)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 27,
        },
        {
          messageId: 'removed',
          data: {
            apiVersion: 'policy/v1beta1',
            kind: 'PodSecurityPolicy',
            removedIn: '1.25',
            target: '1.36',
            advice:
              'nothing replaces it; use Pod Security Admission (pod-security.kubernetes.io labels on the namespace)',
          },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'the replacement named is one the target serves',
      kubeVersion: '1.27',
      yaml: `
        apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
        kind: FlowSchema
        metadata: {name: jobs}
        spec: {priorityLevelConfiguration: {name: low}}
      `,
      errors: [
        {
          messageId: 'removed',
          data: {
            apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
            kind: 'FlowSchema',
            removedIn: '1.26',
            target: '1.27',
            advice: 'use flowcontrol.apiserver.k8s.io/v1beta3 (available since 1.26)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
    {
      name: 'removed at exactly the target release',
      kubeVersion: 'v1.25.3',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'removed',
          data: {
            apiVersion: 'batch/v1beta1',
            kind: 'CronJob',
            removedIn: '1.25',
            target: '1.25',
            advice: 'use batch/v1 (available since 1.21)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 26,
        },
      ],
    },
  ],
});
