import rule from '../../rules/service-account-token-automount.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('service-account-token-automount', {
  invalid: {
    'default-account.yaml': [
      '16:7 the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
      '26:3 the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'automounting turned off on the pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          automountServiceAccountToken: false
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a dedicated account, by serviceAccountName or the older serviceAccount',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          serviceAccountName: operator
          containers:
            - {name: a, image: "operator:1.0"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          serviceAccount: operator
          containers:
            - {name: b, image: "operator:1.0"}
      `,
    },
    {
      name: 'the default ServiceAccount of the namespace turns it off',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: shop}
        automountServiceAccountToken: false
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'wrong types are left to the schema: the flag, the account name, the namespace',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          automountServiceAccountToken: "false"
          containers:
            - {name: a, image: "nginx:1.27.3"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          serviceAccountName: [operator]
          containers:
            - {name: b, image: "nginx:1.27.3"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c, namespace: 7}
        spec:
          containers:
            - {name: c, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'objects that are not pods',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default}
      `,
    },
    {
      name: 'a workload template without a pod spec has no pod to check',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a pod of the default account, written or not',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          serviceAccountName: default
          automountServiceAccountToken: true
          containers:
            - {name: b, image: "nginx:1.27.3"}
      `,
      errors: [
        { messageId: 'automounted', data: {}, line: 5, column: 3, endLine: 7, endColumn: 1 },
        { messageId: 'automounted', data: {}, line: 13, column: 33, endLine: 13, endColumn: 37 },
      ],
    },
    {
      name: 'the default ServiceAccount of another namespace, or one that mounts, does not turn it off',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: other}
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: shop}
        automountServiceAccountToken: true
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
      errors: [{ messageId: 'automounted', data: {}, line: 20, column: 11, endLine: 23, endColumn: 1 }],
    },
  ],
});
