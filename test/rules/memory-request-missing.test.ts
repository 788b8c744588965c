import rule from '../../rules/memory-request-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('memory-request-missing', {
  invalid: {
    'no-memory.yaml': ['21:15 container "web" has no memory request: the scheduler counts it as needing no memory'],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a request, a limit the request is copied from, on app and init containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", resources: {limits: {memory: 256Mi}}}
          containers:
            - {name: web, image: "nginx:1.27.3", resources: {requests: {memory: 256Mi}}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
    },
    {
      name: 'a pod-level request or limit covers the containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          resources: {requests: {memory: 256Mi}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          resources: {limits: {memory: 256Mi}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'wrong types are left to the schema: resources, requests, the amount',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", resources: "lots"}
            - {name: b, image: "nginx:1.27.3", resources: {requests: [memory]}}
            - {name: c, image: "nginx:1.27.3", resources: {limits: {memory: [1]}}}
            - {name: d, image: "nginx:1.27.3", resources: {requests: {memory: {amount: 1}}}}
      `,
    },
    {
      name: 'suppressed for one container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.web: memory-request-missing}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'no resources, empty resources, only the other resource',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
            - {name: b, image: "nginx:1.27.3", resources: {}}
            - {name: c, image: "nginx:1.27.3", resources: {requests: {cpu: 250m}, limits: {cpu: 250m}}}
      `,
      errors: [
        { messageId: 'noRequest', data: { container: 'container "a"' }, line: 6, column: 7, endLine: 8, endColumn: 1 },
        {
          messageId: 'noRequest',
          data: { container: 'container "b"' },
          line: 8,
          column: 51,
          endLine: 8,
          endColumn: 53,
        },
        {
          messageId: 'noRequest',
          data: { container: 'container "c"' },
          line: 9,
          column: 62,
          endLine: 9,
          endColumn: 73,
        },
      ],
    },
    {
      name: 'init containers and sidecars of a StatefulSet; a pod-level request of the other resource covers nothing',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              resources: {requests: {cpu: 250m}}
              initContainers:
                - {name: init, image: "busybox:1.36"}
                - {name: backup, image: "backup:2.0", restartPolicy: Always}
              containers:
                - {name: db, image: "postgres:16.4", resources: {requests: {memory: 256Mi}}}
      `,
      errors: [
        {
          messageId: 'noRequest',
          data: { container: 'init container "init"' },
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 46,
        },
        {
          messageId: 'noRequest',
          data: { container: 'sidecar container "backup"' },
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 69,
        },
      ],
    },
    {
      name: 'a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
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
      errors: [
        {
          messageId: 'noRequest',
          data: { container: 'container "report"' },
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 50,
        },
      ],
    },
  ],
});
