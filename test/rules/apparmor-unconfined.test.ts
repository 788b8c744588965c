import rule from '../../rules/apparmor-unconfined.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('apparmor-unconfined', {
  invalid: {
    'unconfined.yaml': [
      '16:65 container "sidecar" runs without AppArmor confinement (annotation container.apparmor.security.beta.kubernetes.io/sidecar: unconfined)',
      '20:17 the pod runs its containers without AppArmor confinement (appArmorProfile Unconfined)',
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
      name: 'RuntimeDefault and Localhost profiles, and no profile at all',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile: {type: RuntimeDefault}
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - name: b
              image: nginx:1.27.3
              securityContext:
                appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
      `,
    },
    {
      name: 'a container profile overrides an Unconfined pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile: {type: Unconfined}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {appArmorProfile: {type: RuntimeDefault}}}
      `,
    },
    {
      name: 'annotations that confine, or name no container of the pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: runtime/default
            container.apparmor.security.beta.kubernetes.io/other: unconfined
        spec:
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
          securityContext: {appArmorProfile: Unconfined}
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - {name: b, image: "nginx:1.27.3", securityContext: {appArmorProfile: [Unconfined]}}
      `,
    },
    {
      name: 'the annotation on a workload object, not its pod template, does not apply to the pods',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'Unconfined on the pod: reported once',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile:
              type: Unconfined
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - {name: b, image: "nginx:1.27.3"}
      `,
      errors: [{ messageId: 'podUnconfined', data: {}, line: 7, column: 13, endLine: 7, endColumn: 23 }],
    },
    {
      name: 'Unconfined on containers of each type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {appArmorProfile: {type: Unconfined}}}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {appArmorProfile: {type: Unconfined}}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {appArmorProfile: {type: Unconfined}}}
      `,
      errors: [
        {
          messageId: 'containerUnconfined',
          data: { container: 'init container "setup"' },
          line: 6,
          column: 86,
          endLine: 6,
          endColumn: 96,
        },
        {
          messageId: 'containerUnconfined',
          data: { container: 'container "web"' },
          line: 8,
          column: 84,
          endLine: 8,
          endColumn: 94,
        },
        {
          messageId: 'containerUnconfined',
          data: { container: 'ephemeral container "debug"' },
          line: 10,
          column: 86,
          endLine: 10,
          endColumn: 96,
        },
      ],
    },
    {
      name: 'the annotation of the pod template of a Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web}
              annotations:
                container.apparmor.security.beta.kubernetes.io/proxy: unconfined
            spec:
              containers:
                - {name: web, image: "nginx:1.27.3"}
                - {name: proxy, image: "envoy:1.31"}
      `,
      errors: [
        {
          messageId: 'annotationUnconfined',
          data: { container: 'container "proxy"', annotation: 'container.apparmor.security.beta.kubernetes.io/proxy' },
          line: 10,
          column: 63,
          endLine: 10,
          endColumn: 73,
        },
      ],
    },
    {
      name: 'the annotation of a CronJob pod template',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                metadata:
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/report: unconfined
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
      errors: [
        {
          messageId: 'annotationUnconfined',
          data: {
            container: 'container "report"',
            annotation: 'container.apparmor.security.beta.kubernetes.io/report',
          },
          line: 11,
          column: 68,
          endLine: 11,
          endColumn: 78,
        },
      ],
    },
    {
      name: 'Unconfined on the pod and on containers before and after one that inherits it: each reported',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            appArmorProfile: {type: Unconfined}
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {appArmorProfile: {type: Unconfined}}}
            - {name: b, image: "nginx:1.27.3"}
            - {name: c, image: "nginx:1.27.3", securityContext: {appArmorProfile: {type: Unconfined}}}
      `,
      errors: [
        { messageId: 'podUnconfined', data: {}, line: 6, column: 29, endLine: 6, endColumn: 39 },
        {
          messageId: 'containerUnconfined',
          data: { container: 'container "a"' },
          line: 8,
          column: 82,
          endLine: 8,
          endColumn: 92,
        },
        {
          messageId: 'containerUnconfined',
          data: { container: 'container "c"' },
          line: 10,
          column: 82,
          endLine: 10,
          endColumn: 92,
        },
      ],
    },
    {
      name: 'the annotation of a Pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: unconfined
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'annotationUnconfined',
          data: { container: 'container "web"', annotation: 'container.apparmor.security.beta.kubernetes.io/web' },
          line: 6,
          column: 57,
          endLine: 6,
          endColumn: 67,
        },
      ],
    },
  ],
});
