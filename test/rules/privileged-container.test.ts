import rule from '../../rules/privileged-container.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('privileged-container', {
  invalid: {
    'privileged.yaml': [
      '20:25 init container "sysctl" runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)',
      '27:25 container "vpn" runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)',
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
      name: 'privileged false, an empty securityContext, none at all',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {privileged: false}}
            - {name: b, image: "nginx:1.27.3", securityContext: {}}
            - {name: c, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'the pod securityContext has no privileged field: nothing is inherited',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a privileged value of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {privileged: "true"}}
            - {name: b, image: "nginx:1.27.3", securityContext: "privileged"}
      `,
    },
    {
      name: 'a container whose name is not a string is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: 42, image: "nginx:1.27.3", securityContext: {privileged: true}}
      `,
    },
    {
      name: 'suppressed for one container by its annotation',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: cni
          annotations:
            kubeplan.io/ignore.cni: privileged-container
            kubeplan.io/ignore-reason: the CNI plugin configures the node's network
        spec:
          selector: {matchLabels: {app: cni}}
          template:
            metadata: {labels: {app: cni}}
            spec:
              containers:
                - {name: cni, image: "cni:1.4.0", securityContext: {privileged: true}}
      `,
    },
    {
      name: 'a custom resource with containers is not a pod template',
      yaml: `
        apiVersion: example.com/v1
        kind: Agent
        metadata: {name: agent}
        spec:
          template:
            spec:
              containers:
                - {name: agent, image: "agent:1.0", securityContext: {privileged: true}}
      `,
    },
  ],
  invalid: [
    {
      name: 'an app container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              image: registry.example.com/vpn:2.1.0
              securityContext:
                privileged: true
      `,
      errors: [
        {
          messageId: 'privileged',
          data: { container: 'container "vpn"' },
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'init, sidecar and ephemeral containers too',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {privileged: true}}
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, securityContext: {privileged: true}}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {privileged: true}}
      `,
      errors: [
        {
          messageId: 'privileged',
          data: { container: 'init container "setup"' },
          line: 6,
          column: 74,
          endLine: 6,
          endColumn: 78,
        },
        {
          messageId: 'privileged',
          data: { container: 'sidecar container "mesh"' },
          line: 7,
          column: 94,
          endLine: 7,
          endColumn: 98,
        },
        {
          messageId: 'privileged',
          data: { container: 'ephemeral container "debug"' },
          line: 11,
          column: 74,
          endLine: 11,
          endColumn: 78,
        },
      ],
    },
    {
      name: 'a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: cleanup}
        spec:
          schedule: "0 4 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - {name: cleanup, image: "cleanup:1.0", securityContext: {privileged: true}}
      `,
      errors: [
        {
          messageId: 'privileged',
          data: { container: 'container "cleanup"' },
          line: 12,
          column: 83,
          endLine: 12,
          endColumn: 87,
        },
      ],
    },
    {
      name: 'another container suppression does not reach this container',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.proxy: privileged-container}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: proxy, image: "envoy:1.31", securityContext: {privileged: true}}
                - {name: web, image: "nginx:1.27.3", securityContext: {privileged: true}}
      `,
      errors: [
        {
          messageId: 'privileged',
          data: { container: 'container "web"' },
          line: 13,
          column: 76,
          endLine: 13,
          endColumn: 80,
        },
      ],
    },
  ],
});
