import rule from '../../rules/run-as-non-root-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('run-as-non-root-missing', {
  invalid: {
    'not-required.yaml': [
      '20:13 container "web" is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root',
      '21:11 container "sidecar" is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root',
      '40:23 container "legacy" sets runAsNonRoot: false (from the pod): it may run as root',
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
      name: 'true on the pod covers every container type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          initContainers:
            - {name: setup, image: "busybox:1.36"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
    },
    {
      name: 'true on each container, over a pod that says false',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: false}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {runAsNonRoot: true}}
      `,
    },
    {
      name: 'wrong types are left to the schema, on the container and on the pod',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: [runAsNonRoot]
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - {name: b, image: "nginx:1.27.3", securityContext: {runAsNonRoot: "true"}}
      `,
    },
  ],
  invalid: [
    {
      name: 'not set anywhere, set to null, on a Windows pod too',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: iis}
        spec:
          os: {name: windows}
          securityContext: {runAsNonRoot: null}
          containers:
            - {name: iis, image: "iis:2022"}
      `,
      errors: [
        {
          messageId: 'notRequired',
          data: { container: 'container "iis"' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'false on a container, and false inherited from the pod',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext: {runAsNonRoot: false}
              initContainers:
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always}
              containers:
                - {name: web, image: "nginx:1.27.3", securityContext: {runAsNonRoot: false}}
      `,
      errors: [
        {
          messageId: 'optedOutByPod',
          data: { container: 'sidecar container "mesh"' },
          line: 9,
          column: 39,
          endLine: 9,
          endColumn: 44,
        },
        {
          messageId: 'optedOut',
          data: { container: 'container "web"' },
          line: 13,
          column: 78,
          endLine: 13,
          endColumn: 83,
        },
      ],
    },
    {
      name: 'an ephemeral container in a pod whose other containers say true',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {runAsNonRoot: true}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
      errors: [
        {
          messageId: 'notRequired',
          data: { container: 'ephemeral container "debug"' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 43,
        },
      ],
    },
  ],
});
