import rule from '../../rules/capabilities-drop-all-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('capabilities-drop-all-missing', {
  invalid: {
    'not-dropped.yaml': [
      '21:21 container "web" keeps the runtime\'s default capabilities: capabilities.drop does not include ALL',
      '22:11 container "sidecar" keeps the runtime\'s default capabilities: capabilities.drop does not include ALL',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'ALL dropped on every container type, capabilities added back',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {capabilities: {drop: [ALL]}}}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {capabilities: {drop: [NET_RAW, ALL], add: [NET_BIND_SERVICE]}}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {capabilities: {drop: [ALL]}}}
      `,
    },
    {
      name: 'a Windows pod is exempt',
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
      name: 'wrong types are left to the schema: drop as a string, capabilities as a list',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {capabilities: {drop: ALL}}}
            - {name: b, image: "nginx:1.27.3", securityContext: {capabilities: [ALL]}}
            - {name: c, image: "nginx:1.27.3", securityContext: ALL}
      `,
    },
  ],
  invalid: [
    {
      name: 'absent, empty, without ALL, lower-case all, null',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
            - {name: b, image: "nginx:1.27.3", securityContext: {capabilities: {}}}
            - {name: c, image: "nginx:1.27.3", securityContext: {capabilities: {drop: [NET_RAW]}}}
            - {name: d, image: "nginx:1.27.3", securityContext: {capabilities: {drop: [all]}}}
            - {name: e, image: "nginx:1.27.3", securityContext: {capabilities: {drop: null}}}
      `,
      errors: [
        { messageId: 'notDropped', data: { container: 'container "a"' }, line: 6, column: 7, endLine: 8, endColumn: 1 },
        {
          messageId: 'notDropped',
          data: { container: 'container "b"' },
          line: 8,
          column: 72,
          endLine: 8,
          endColumn: 74,
        },
        {
          messageId: 'notDropped',
          data: { container: 'container "c"' },
          line: 9,
          column: 79,
          endLine: 9,
          endColumn: 88,
        },
        {
          messageId: 'notDropped',
          data: { container: 'container "d"' },
          line: 10,
          column: 79,
          endLine: 10,
          endColumn: 84,
        },
        {
          messageId: 'notDropped',
          data: { container: 'container "e"' },
          line: 11,
          column: 79,
          endLine: 11,
          endColumn: 83,
        },
      ],
    },
    {
      name: 'a pod-level setting does not exist: sidecars and app containers of a Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers:
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always}
              containers:
                - {name: web, image: "nginx:1.27.3", securityContext: {capabilities: {drop: [ALL]}}}
      `,
      errors: [
        {
          messageId: 'notDropped',
          data: { container: 'sidecar container "mesh"' },
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 67,
        },
      ],
    },
    {
      name: 'an ephemeral container that keeps the default capabilities',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {capabilities: {drop: [ALL]}}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {capabilities: {drop: [NET_RAW]}}}
      `,
      errors: [
        {
          messageId: 'notDropped',
          data: { container: 'ephemeral container "debug"' },
          line: 8,
          column: 83,
          endLine: 8,
          endColumn: 92,
        },
      ],
    },
  ],
});
