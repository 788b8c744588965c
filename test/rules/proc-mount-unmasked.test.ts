import rule from '../../rules/proc-mount-unmasked.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('proc-mount-unmasked', {
  invalid: {
    'unmasked.yaml': [
      '20:24 container "web" sets procMount Unmasked: /proc is not masked (the baseline Pod Security Standard allows only Default)',
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
      name: 'Default, absent, an empty securityContext',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {procMount: Default}}
            - {name: b, image: "nginx:1.27.3", securityContext: {}}
            - {name: c, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'procMount on the pod is not a field: the schema reports it, the rule reads only containers',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {procMount: Unmasked}
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
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {procMount: 1}}
            - {name: b, image: "nginx:1.27.3", securityContext: Unmasked}
      `,
    },
    {
      name: 'suppressed for its container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.build: proc-mount-unmasked}
        spec:
          hostUsers: false
          containers:
            - {name: build, image: "builder:3.2.0", securityContext: {procMount: Unmasked}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Unmasked on an app container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: sandbox}
        spec:
          containers:
            - name: build
              image: registry.example.com/builder:3.2.0
              securityContext:
                procMount: Unmasked
      `,
      errors: [
        {
          messageId: 'unmasked',
          data: { container: 'container "build"', procMount: 'Unmasked' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'every container type, in a Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
                - {name: setup, image: "busybox:1.36", securityContext: {procMount: Unmasked}}
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always, securityContext: {procMount: Unmasked}}
              containers:
                - {name: web, image: "nginx:1.27.3", securityContext: {procMount: Default}}
      `,
      errors: [
        {
          messageId: 'unmasked',
          data: { container: 'init container "setup"', procMount: 'Unmasked' },
          line: 10,
          column: 77,
          endLine: 10,
          endColumn: 85,
        },
        {
          messageId: 'unmasked',
          data: { container: 'sidecar container "mesh"', procMount: 'Unmasked' },
          line: 11,
          column: 97,
          endLine: 11,
          endColumn: 105,
        },
      ],
    },
    {
      name: 'an ephemeral container of a Pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {procMount: Unmasked}}
      `,
      errors: [
        {
          messageId: 'unmasked',
          data: { container: 'ephemeral container "debug"', procMount: 'Unmasked' },
          line: 8,
          column: 73,
          endLine: 8,
          endColumn: 81,
        },
      ],
    },
  ],
});
