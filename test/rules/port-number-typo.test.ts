import rule from '../../rules/port-number-typo.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('port-number-typo', {
  invalid: {
    'near-ports.yaml': [
      '24:21 container "web": livenessProbe uses port 8008, which no container of the pod declares; did you mean 8080?',
      '37:19 targetPort 8800 is declared by none of the containers the Service selects; did you mean 8080?',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a declared number, and numbers far from every declared port',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 8080}], readinessProbe: {httpGet: {path: /, port: 8080}}, livenessProbe: {tcpSocket: {port: 10254}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{name: a, port: 80, targetPort: 8080}, {name: b, port: 9000}]}
      `,
    },
    {
      name: 'numbers a digit away from a declared port are ports served undeclared (8081, 18080, 9443 beside 8080, 8443)',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 8080}, {containerPort: 8443}], livenessProbe: {tcpSocket: {port: 8081}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{name: a, port: 80, targetPort: 18080}, {name: b, port: 443, targetPort: 9443}]}
      `,
    },
    {
      name: 'no declared port: nothing to be a typo of',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "web:1.0", livenessProbe: {tcpSocket: {port: 8008}}}
      `,
    },
    {
      name: "named ports are probe-port-not-exposed's and service-target-port-missing's",
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}], livenessProbe: {tcpSocket: {port: htp}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: htp}]}
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
            - {name: web, image: "web:1.0", ports: [{containerPort: "8080"}], livenessProbe: {tcpSocket: {port: 8008}}}
      `,
    },
    {
      name: "one container's ports unreadable: it may declare the number, so a near number elsewhere is not reported",
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 8080}], livenessProbe: {tcpSocket: {port: 8008}}}
            - {name: side, image: "side:1.0", ports: [{containerPort: "8008"}]}
      `,
    },
    {
      name: 'a Service of another API group is no core Service: its ports are not targetPorts',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 9090}]}
        ---
        apiVersion: mesh.example.com/v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 9900}]}
      `,
    },
    {
      name: 'a targetPort of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 9090}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 9900, targetPort: 9900.5}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'swapped digits in a sidecar probe, and in a Service port without targetPort',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          initContainers:
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{containerPort: 15021}], startupProbe: {httpGet: {path: /ready, port: 15012}}}
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 9090}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 9900}]}
      `,
      errors: [
        {
          messageId: 'probe',
          data: { container: 'sidecar container "mesh"', probe: 'startupProbe', port: '15012', intended: '15021' },
          line: 6,
          column: 142,
          endLine: 6,
          endColumn: 147,
        },
        {
          messageId: 'targetPort',
          data: { port: '9900', intended: '9090' },
          line: 13,
          column: 45,
          endLine: 13,
          endColumn: 49,
        },
      ],
    },
    {
      name: 'targetPort 0 is unset: port is the target, and where the finding points',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{containerPort: 9090}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 9900, targetPort: 0}]}
      `,
      errors: [
        {
          messageId: 'targetPort',
          data: { port: '9900', intended: '9090' },
          line: 11,
          column: 45,
          endLine: 11,
          endColumn: 49,
        },
      ],
    },
  ],
});
