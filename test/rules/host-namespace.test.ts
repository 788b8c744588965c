import rule from '../../rules/host-namespace.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('host-namespace', {
  invalid: {
    'host-namespaces.yaml': [
      "7:16 the pod shares the node's network namespace (hostNetwork: true), forbidden by the baseline Pod Security Standard",
      "8:12 the pod shares the node's process namespace (hostPID: true), forbidden by the baseline Pod Security Standard",
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a Pod without a spec has no pod template to check',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
    {
      name: 'false, or not set',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: false
          hostPID: false
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'wrong types are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: "true"
          hostPID: 1
          hostIPC: [true]
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'suppressed on the object',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-exporter
          annotations: {kubeplan.io/ignore: host-namespace, kubeplan.io/ignore-reason: reads the node's metrics}
        spec:
          selector: {matchLabels: {app: node-exporter}}
          template:
            metadata: {labels: {app: node-exporter}}
            spec:
              hostNetwork: true
              hostPID: true
              containers:
                - {name: exporter, image: "node-exporter:1.8.2"}
      `,
    },
  ],
  invalid: [
    {
      name: 'each of the three namespaces',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: true
          hostPID: true
          hostIPC: true
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'hostNamespace',
          data: { namespace: 'network', field: 'hostNetwork' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 20,
        },
        {
          messageId: 'hostNamespace',
          data: { namespace: 'process', field: 'hostPID' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 16,
        },
        {
          messageId: 'hostNamespace',
          data: { namespace: 'IPC', field: 'hostIPC' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'a DaemonSet and a CronJob',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              hostNetwork: true
              containers:
                - {name: agent, image: "agent:1.0"}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: dump}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  hostPID: true
                  restartPolicy: Never
                  containers:
                    - {name: dump, image: "dump:1.0"}
      `,
      errors: [
        {
          messageId: 'hostNamespace',
          data: { namespace: 'network', field: 'hostNetwork' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 24,
        },
        {
          messageId: 'hostNamespace',
          data: { namespace: 'process', field: 'hostPID' },
          line: 22,
          column: 20,
          endLine: 22,
          endColumn: 24,
        },
      ],
    },
  ],
});
