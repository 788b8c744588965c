import rule from '../../rules/run-as-user-root.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('run-as-user-root', {
  invalid: {
    'root.yaml': [
      '17:20 the pod runs its containers as root (runAsUser: 0), container "web" included',
      '26:24 container "tool" runs as root (runAsUser: 0)',
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
      name: 'non-zero users on the pod and the containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 10001}
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - {name: b, image: "nginx:1.27.3", securityContext: {runAsUser: 1}}
      `,
    },
    {
      name: 'a pod-level 0 that every container overrides',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0}
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {runAsUser: 1000}}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {runAsUser: 1000}}
      `,
    },
    {
      name: 'no user set anywhere: the image decides (run-as-non-root-missing covers it)',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {}}
      `,
    },
    {
      name: 'wrong types are left to the schema: "0", a list, a securityContext string',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {runAsUser: "0"}}
            - {name: b, image: "nginx:1.27.3", securityContext: {runAsUser: [0]}}
            - {name: c, image: "nginx:1.27.3", securityContext: "runAsUser: 0"}
      `,
    },
    {
      name: 'a pod-level 0 under a container securityContext of the wrong type is not known to apply',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: [runAsUser]}
      `,
    },
  ],
  invalid: [
    {
      name: 'on a container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
              securityContext:
                runAsUser: 0
      `,
      errors: [
        {
          messageId: 'containerRoot',
          data: { container: 'container "web"' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'on the pod: reported once, naming the first container that inherits it',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext: {runAsUser: 0}
              initContainers:
                - {name: setup, image: "busybox:1.36", securityContext: {runAsUser: 1000}}
              containers:
                - {name: web, image: "nginx:1.27.3"}
                - {name: proxy, image: "envoy:1.31"}
      `,
      errors: [
        {
          messageId: 'podRoot',
          data: { container: 'container "web"' },
          line: 9,
          column: 36,
          endLine: 9,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'the pod and a container both: each reported where it is written',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {runAsUser: 0}}
      `,
      errors: [
        {
          messageId: 'podRoot',
          data: { container: 'container "web"' },
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 33,
        },
        {
          messageId: 'containerRoot',
          data: { container: 'ephemeral container "debug"' },
          line: 9,
          column: 73,
          endLine: 9,
          endColumn: 74,
        },
      ],
    },
    {
      name: 'a sidecar of a CronJob',
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
                  initContainers:
                    - {name: proxy, image: "proxy:1.0", restartPolicy: Always, securityContext: {runAsUser: 0}}
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
      errors: [
        {
          messageId: 'containerRoot',
          data: { container: 'sidecar container "proxy"' },
          line: 12,
          column: 101,
          endLine: 12,
          endColumn: 102,
        },
      ],
    },
  ],
});
