import rule from '../../rules/seccomp-profile-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('seccomp-profile-missing', {
  invalid: {
    'unset-and-unconfined.yaml': [
      '16:7 no seccomp profile for container "web", container "sidecar": set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)',
      '45:21 container "tracer" runs with the Unconfined seccomp profile, forbidden by the baseline Pod Security Standard',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'RuntimeDefault on the pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: RuntimeDefault}
          initContainers:
            - {name: setup, image: "busybox:1.36"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'Localhost and RuntimeDefault on each container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", securityContext: {seccompProfile: {type: RuntimeDefault}}}
            - name: b
              image: nginx:1.27.3
              securityContext:
                seccompProfile: {type: Localhost, localhostProfile: profiles/nginx.json}
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
      name: 'wrong types are neither unset nor Unconfined',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: [seccompProfile]
          containers:
            - {name: a, image: "nginx:1.27.3"}
            - {name: b, image: "nginx:1.27.3", securityContext: {seccompProfile: Unconfined}}
      `,
    },
  ],
  invalid: [
    {
      name: 'unset everywhere: one finding at the pod naming every container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            runAsNonRoot: true
          initContainers:
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
      errors: [
        {
          messageId: 'unset',
          data: { containers: 'sidecar container "mesh", container "web", ephemeral container "debug"' },
          line: 6,
          column: 5,
          endLine: 7,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'no pod securityContext at all: the finding points at the pod spec',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: "nginx:1.27.3", securityContext: {seccompProfile: {type: RuntimeDefault}}}
                - {name: proxy, image: "envoy:1.31"}
      `,
      errors: [
        {
          messageId: 'unset',
          data: { containers: 'container "proxy"' },
          line: 9,
          column: 7,
          endLine: 12,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'Unconfined on a container, and from the pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}
          containers:
            - {name: web, image: "nginx:1.27.3"}
            - {name: tracer, image: "tracer:1.0", securityContext: {seccompProfile: {type: Unconfined}}}
      `,
      errors: [
        {
          messageId: 'unconfinedByPod',
          data: { container: 'container "web"' },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 38,
        },
        {
          messageId: 'unconfined',
          data: { container: 'container "tracer"' },
          line: 9,
          column: 84,
          endLine: 9,
          endColumn: 94,
        },
      ],
    },
  ],
});
