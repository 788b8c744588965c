import rule from '../../rules/probe-port-not-exposed.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('probe-port-not-exposed', {
  invalid: {
    'unknown-ports.yaml': [
      '25:21 container "web": readinessProbe uses port "web", which the container does not declare: the probe always fails',
      '37:21 container "metrics": startupProbe uses port "http", which the container does not declare: the probe always fails',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'named and numbered ports the container declares, in every probe and handler',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: web:1.0
              ports: [{name: http, containerPort: 8080}, {name: grpc, containerPort: 9090}]
              startupProbe: {tcpSocket: {port: http}}
              readinessProbe: {httpGet: {path: /ready, port: 8080}}
              livenessProbe: {grpc: {port: 9090}}
      `,
    },
    {
      name: 'a number another container declares; a number in a pod that declares no ports',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "web:1.0", readinessProbe: {httpGet: {path: /ready, port: 9100}}}
            - {name: exporter, image: "exporter:1.0", ports: [{containerPort: 9100}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: bare}
        spec:
          containers:
            - {name: bare, image: "bare:1.0", livenessProbe: {tcpSocket: {port: 8080}}}
      `,
    },
    {
      name: 'ports of the wrong type leave the declared ports unknown; exec probes have no port',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "a:1.0", ports: [{name: [http], containerPort: 8080}], readinessProbe: {httpGet: {port: http}}}
            - {name: b, image: "b:1.0", ports: {containerPort: 8080}, livenessProbe: {tcpSocket: {port: 9999}}}
            - {name: c, image: "c:1.0", livenessProbe: {exec: {command: [true]}}}
      `,
    },
    {
      name: 'numbers no container declares work (the pod IP is probed): port-number-typo judges them',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{containerPort: 15021}], startupProbe: {httpGet: {path: /ready, port: 15020}}}
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 8080}], livenessProbe: {grpc: {port: 10254}}}
      `,
    },
    {
      name: 'a Pod without a spec has no probes',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
  ],
  invalid: [
    {
      name: 'a name the container does not declare, even if another container does',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: web:1.0
              ports: [{name: http, containerPort: 8080}]
              readinessProbe:
                httpGet:
                  path: /ready
                  port: web
            - {name: admin, image: "admin:1.0", ports: [{name: admin, containerPort: 9000}], livenessProbe: {tcpSocket: {port: http}}}
      `,
      errors: [
        {
          messageId: 'namedPortMissing',
          data: { container: 'container "web"', probe: 'readinessProbe', port: '"web"' },
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 20,
        },
        {
          messageId: 'namedPortMissing',
          data: { container: 'container "admin"', probe: 'livenessProbe', port: '"http"' },
          line: 13,
          column: 120,
          endLine: 13,
          endColumn: 124,
        },
      ],
    },
  ],
});
