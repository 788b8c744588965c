import rule from '../../rules/read-only-root-filesystem-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('read-only-root-filesystem-missing', {
  invalid: {
    'writable.yaml': [
      '20:37 container "web" has a writable root filesystem (readOnlyRootFilesystem is not true)',
      '21:11 container "sidecar" has a writable root filesystem (readOnlyRootFilesystem is not true)',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'true on app and init containers; ephemeral containers are not checked',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {readOnlyRootFilesystem: true}}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {readOnlyRootFilesystem: true}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
    },
    {
      name: 'a Windows pod is not checked',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: iis}
        spec:
          os: {name: windows}
          containers:
            - {name: iis, image: "iis:2022"}
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
            - {name: a, image: "nginx:1.27.3", securityContext: {readOnlyRootFilesystem: "true"}}
            - {name: b, image: "nginx:1.27.3", securityContext: true}
            - {name: [c], image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'suppressed on the object',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore: all}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'absent, empty securityContext, false, null',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
            - {name: b, image: "nginx:1.27.3", securityContext: {}}
            - {name: c, image: "nginx:1.27.3", securityContext: {readOnlyRootFilesystem: false}}
            - {name: d, image: "nginx:1.27.3", securityContext: {readOnlyRootFilesystem: null}}
      `,
      errors: [
        { messageId: 'writable', data: { container: 'container "a"' }, line: 6, column: 7, endLine: 8, endColumn: 1 },
        { messageId: 'writable', data: { container: 'container "b"' }, line: 8, column: 57, endLine: 8, endColumn: 59 },
        { messageId: 'writable', data: { container: 'container "c"' }, line: 9, column: 82, endLine: 9, endColumn: 87 },
        {
          messageId: 'writable',
          data: { container: 'container "d"' },
          line: 10,
          column: 82,
          endLine: 10,
          endColumn: 86,
        },
      ],
    },
    {
      name: 'the pod securityContext cannot set it: init containers and sidecars of a StatefulSet',
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
              securityContext: {runAsNonRoot: true}
              initContainers:
                - {name: init, image: "busybox:1.36"}
                - {name: backup, image: "backup:2.0", restartPolicy: Always}
              containers:
                - {name: db, image: "postgres:16.4", securityContext: {readOnlyRootFilesystem: true}}
      `,
      errors: [
        {
          messageId: 'writable',
          data: { container: 'init container "init"' },
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 46,
        },
        {
          messageId: 'writable',
          data: { container: 'sidecar container "backup"' },
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 69,
        },
      ],
    },
    {
      name: 'a Job of a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0", securityContext: {readOnlyRootFilesystem: false}}
      `,
      errors: [
        {
          messageId: 'writable',
          data: { container: 'container "report"' },
          line: 12,
          column: 93,
          endLine: 12,
          endColumn: 98,
        },
      ],
    },
  ],
});
