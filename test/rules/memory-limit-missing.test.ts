import rule from '../../rules/memory-limit-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('memory-limit-missing', {
  invalid: {
    'no-limit.yaml': ['24:15 container "web" has no memory limit: it can take all the memory of its node'],
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
      name: 'a memory limit on app and init containers; ephemeral containers take none',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", resources: {limits: {memory: 64Mi}}}
          containers:
            - {name: web, image: "nginx:1.27.3", resources: {limits: {memory: 512Mi, cpu: "1"}}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
    },
    {
      name: 'a pod-level memory limit caps every container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          resources: {limits: {memory: 1Gi}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
            - {name: proxy, image: "envoy:1.31"}
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
          containers:
            - {name: a, image: "nginx:1.27.3", resources: {limits: [1]}}
            - {name: b, image: "nginx:1.27.3", resources: {limits: {memory: [512Mi]}}}
            - {name: c, image: "nginx:1.27.3", resources: [limits]}
      `,
    },
  ],
  invalid: [
    {
      name: 'no limits, a CPU limit only, a request only',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
            - {name: b, image: "nginx:1.27.3", resources: {limits: {cpu: "1"}}}
            - {name: c, image: "nginx:1.27.3", resources: {requests: {memory: 256Mi}}}
      `,
      errors: [
        { messageId: 'noLimit', data: { container: 'container "a"' }, line: 6, column: 7, endLine: 8, endColumn: 1 },
        { messageId: 'noLimit', data: { container: 'container "b"' }, line: 8, column: 60, endLine: 8, endColumn: 70 },
        { messageId: 'noLimit', data: { container: 'container "c"' }, line: 9, column: 51, endLine: 9, endColumn: 78 },
      ],
    },
    {
      name: 'a pod-level memory request limits nothing; init containers and sidecars of a Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              resources: {requests: {memory: 1Gi}}
              initContainers:
                - {name: setup, image: "busybox:1.36"}
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always}
              containers:
                - {name: web, image: "nginx:1.27.3", resources: {limits: {memory: 512Mi}}}
      `,
      errors: [
        {
          messageId: 'noLimit',
          data: { container: 'init container "setup"' },
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 47,
        },
        {
          messageId: 'noLimit',
          data: { container: 'sidecar container "mesh"' },
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 67,
        },
      ],
    },
  ],
});
