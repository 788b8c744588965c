import rule from '../../rules/privilege-escalation-allowed.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('privilege-escalation-allowed', {
  invalid: {
    'allowed.yaml': [
      '17:11 container "web" does not set allowPrivilegeEscalation: false: its processes can gain privileges (the restricted Pod Security Standard requires false)',
      '22:39 container "sidecar" sets allowPrivilegeEscalation: true: its processes can gain privileges (the restricted Pod Security Standard requires false)',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'false on every container type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", securityContext: {allowPrivilegeEscalation: false}}
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {allowPrivilegeEscalation: false}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {allowPrivilegeEscalation: false}}
      `,
    },
    {
      name: 'a Windows pod is exempt',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          os: {name: windows}
          containers:
            - {name: web, image: "iis:2022"}
      `,
    },
    {
      name: 'wrong types are left to the schema: the value, the securityContext',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {allowPrivilegeEscalation: "false"}}
            - {name: b, image: "nginx:1.27.3", securityContext: [allowPrivilegeEscalation]}
            - {name: 7, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'suppressed on the object',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore: "privilege-escalation-allowed,image-tag-latest"}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
  ],
  invalid: [
    {
      name: 'not set: no securityContext, an empty one, one without the field',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
            - {name: b, image: "nginx:1.27.3", securityContext: {}}
            - {name: c, image: "nginx:1.27.3", securityContext: {runAsNonRoot: true}}
            - {name: d, image: "nginx:1.27.3", securityContext: {allowPrivilegeEscalation: null}}
      `,
      errors: [
        { messageId: 'notSet', data: { container: 'container "a"' }, line: 6, column: 7, endLine: 8, endColumn: 1 },
        { messageId: 'notSet', data: { container: 'container "b"' }, line: 8, column: 57, endLine: 8, endColumn: 59 },
        { messageId: 'notSet', data: { container: 'container "c"' }, line: 9, column: 57, endLine: 9, endColumn: 77 },
        { messageId: 'notSet', data: { container: 'container "d"' }, line: 10, column: 84, endLine: 10, endColumn: 88 },
      ],
    },
    {
      name: 'set to true',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                allowPrivilegeEscalation: true
      `,
      errors: [
        {
          messageId: 'allowed',
          data: { container: 'container "web"' },
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'the pod securityContext has no such field: each container needs its own',
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
                - {name: web, image: "nginx:1.27.3", securityContext: {allowPrivilegeEscalation: false}}
      `,
      errors: [
        {
          messageId: 'notSet',
          data: { container: 'sidecar container "mesh"' },
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 67,
        },
      ],
    },
    {
      name: 'a Linux pod (os.name linux) in a CronJob',
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
                  os: {name: linux}
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0", securityContext: {allowPrivilegeEscalation: true}}
      `,
      errors: [
        {
          messageId: 'allowed',
          data: { container: 'container "report"' },
          line: 13,
          column: 95,
          endLine: 13,
          endColumn: 99,
        },
      ],
    },
    {
      name: 'an ephemeral container that allows privilege escalation',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", securityContext: {allowPrivilegeEscalation: false}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", securityContext: {allowPrivilegeEscalation: true}}
      `,
      errors: [
        {
          messageId: 'allowed',
          data: { container: 'ephemeral container "debug"' },
          line: 8,
          column: 88,
          endLine: 8,
          endColumn: 92,
        },
      ],
    },
  ],
});
