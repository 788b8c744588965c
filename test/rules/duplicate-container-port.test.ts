import rule from '../../rules/duplicate-container-port.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('duplicate-container-port', {
  invalid: {
    'clashing.yaml': [
      '22:21 container "web" declares the port name "http" twice',
      '28:30 port 8080/TCP is already declared by container "web": containers of a pod share one network namespace',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'one number over two protocols, distinct names',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: dns}
        spec:
          containers:
            - name: dns
              image: coredns:1.11.3
              ports:
                - {name: dns, containerPort: 53, protocol: UDP}
                - {name: dns-tcp, containerPort: 53, protocol: TCP}
      `,
    },
    {
      name: 'an ordinary init container runs alone: its port does not clash',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", ports: [{containerPort: 8080}]}
          containers:
            - {name: web, image: "nginx:1.27.3", ports: [{containerPort: 8080}]}
      `,
    },
    {
      name: 'the same port name in two containers (names are per container)',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", ports: [{name: http, containerPort: 8080}]}
            - {name: b, image: "nginx:1.27.3", ports: [{name: http, containerPort: 8081}]}
      `,
    },
    {
      name: 'ports of the wrong type are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", ports: [{containerPort: "8080"}, {containerPort: 8080}]}
            - {name: b, image: "nginx:1.27.3", ports: 8080}
            - {name: c, image: "nginx:1.27.3", ports: [{name: [http], containerPort: 9000}, {name: [http], containerPort: 9001}]}
      `,
    },
    {
      name: 'a protocol of the wrong type is unknown, not TCP',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", ports: [{containerPort: 8080}]}
            - {name: b, image: "nginx:1.27.3", ports: [{containerPort: 8080, protocol: 6}]}
      `,
    },
    {
      name: 'numbers or protocols of the wrong type are unknown: never the same port',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", ports: [{containerPort: "8080"}, {containerPort: "8080"}]}
            - {name: b, image: "nginx:1.27.3", ports: [{containerPort: 9090, protocol: 6}, {containerPort: 9090, protocol: 6}]}
      `,
    },
    {
      name: 'a Pod without a spec has no ports',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
  ],
  invalid: [
    {
      name: 'one port number in two containers, protocol absent or empty, both TCP',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              ports:
                - name: http
                  containerPort: 8080
            - name: exporter
              image: registry.example.com/exporter:0.15.0
              ports:
                - {name: metrics, containerPort: 8080, protocol: ""}
      `,
      errors: [
        {
          messageId: 'duplicatePort',
          data: { port: '8080/TCP', first: 'container "web"' },
          line: 14,
          column: 42,
          endLine: 14,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'a port name twice in one container; a sidecar port clashing with an app port',
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
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{containerPort: 9901, protocol: UDP}]}
              containers:
                - name: web
                  image: nginx:1.27.3
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: http, containerPort: 8443}
                    - {name: admin, containerPort: 9901, protocol: UDP}
      `,
      errors: [
        {
          messageId: 'duplicateName',
          data: { container: 'container "web"', name: 'http' },
          line: 16,
          column: 22,
          endLine: 16,
          endColumn: 26,
        },
        {
          messageId: 'duplicatePort',
          data: { port: '9901/UDP', first: 'sidecar container "mesh"' },
          line: 17,
          column: 44,
          endLine: 17,
          endColumn: 48,
        },
      ],
    },
  ],
});
