import rule from '../../rules/service-account-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('service-account-missing', {
  invalid: {
    'missing-account.yaml': [
      '16:27 ServiceAccount "web-sa" is not in the input: the API server refuses to create the pods',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'the account is in the input; default always exists',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reporter, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec: {serviceAccountName: reporter, containers: [{name: a, image: "a:1.0"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: shop}
        spec: {serviceAccountName: default, containers: [{name: b, image: "b:1.0"}]}
      `,
    },
    {
      name: 'no ServiceAccount in the namespace: managed elsewhere',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reporter, namespace: other}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec: {serviceAccountName: reporter, containers: [{name: a, image: "a:1.0"}]}
      `,
    },
    {
      name: 'an account name of the wrong type is left to the schema, with the older field too',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reporter, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec: {serviceAccountName: [reportr], serviceAccount: reportr, containers: [{name: a, image: "a:1.0"}]}
      `,
    },
    {
      name: 'the older serviceAccount of the wrong type next to a serviceAccountName: which account is meant is unknown',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reporter, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec: {serviceAccountName: reportr, serviceAccount: [reportr], containers: [{name: a, image: "a:1.0"}]}
      `,
    },
    {
      name: 'a workload template without a pod spec has no account to check',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
      `,
    },
  ],
  invalid: [
    {
      name: 'by serviceAccountName, and by the older serviceAccount',
      yaml: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reporter, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop}
        spec:
          serviceAccountName: reportr
          containers: [{name: a, image: "a:1.0"}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec: {serviceAccount: mailer, restartPolicy: Never, containers: [{name: b, image: "b:1.0"}]}
      `,
      errors: [
        { messageId: 'missing', data: { name: 'reportr' }, line: 9, column: 23, endLine: 9, endColumn: 30 },
        { messageId: 'missing', data: { name: 'mailer' }, line: 20, column: 32, endLine: 20, endColumn: 38 },
      ],
    },
    {
      name: 'assumeComplete reports an account when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {serviceAccountName: reporter, containers: [{name: a, image: "a:1.0"}]}
      `,
      errors: [{ messageId: 'missing', data: { name: 'reporter' }, line: 4, column: 28, endLine: 4, endColumn: 36 }],
    },
  ],
});
