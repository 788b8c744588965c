import rule from '../../rules/host-port.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('host-port', {
  invalid: {
    'host-port.yaml': [
      '22:25 container "web" binds port 80 on the node (hostPort): one such pod per node, outside NetworkPolicies',
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
      name: 'container ports without hostPort, and hostPort 0',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              ports:
                - {containerPort: 8080}
                - {containerPort: 9090, hostPort: 0}
      `,
    },
    {
      name: 'a hostPort of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              ports:
                - {containerPort: 8080, hostPort: "80"}
      `,
    },
    {
      name: 'suppressed for its container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.web: host-port}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              ports:
                - {containerPort: 8080, hostPort: 80}
      `,
    },
  ],
  invalid: [
    {
      name: 'an app container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              ports:
                - containerPort: 8080
                  hostPort: 80
      `,
      errors: [
        {
          messageId: 'hostPort',
          data: { container: 'container "web"', port: 80 },
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'each port of init, sidecar and ephemeral containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", ports: [{containerPort: 7000, hostPort: 7000}]}
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{containerPort: 15001}, {containerPort: 15000, hostPort: 15000}]}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", ports: [{containerPort: 2345, hostPort: 2345}]}
      `,
      errors: [
        {
          messageId: 'hostPort',
          data: { container: 'init container "setup"', port: 7000 },
          line: 6,
          column: 84,
          endLine: 6,
          endColumn: 88,
        },
        {
          messageId: 'hostPort',
          data: { container: 'sidecar container "mesh"', port: 15000 },
          line: 7,
          column: 129,
          endLine: 7,
          endColumn: 134,
        },
        {
          messageId: 'hostPort',
          data: { container: 'ephemeral container "debug"', port: 2345 },
          line: 11,
          column: 84,
          endLine: 11,
          endColumn: 88,
        },
      ],
    },
    {
      name: 'a DaemonSet',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ingress}
        spec:
          selector: {matchLabels: {app: ingress}}
          template:
            metadata: {labels: {app: ingress}}
            spec:
              containers:
                - {name: controller, image: "ingress:1.11", ports: [{containerPort: 443, hostPort: 443}]}
      `,
      errors: [
        {
          messageId: 'hostPort',
          data: { container: 'container "controller"', port: 443 },
          line: 10,
          column: 92,
          endLine: 10,
          endColumn: 95,
        },
      ],
    },
  ],
});
