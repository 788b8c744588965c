import rule from '../../rules/service-target-port-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('service-target-port-missing', {
  invalid: {
    'unknown-target-ports.yaml': [
      '34:19 targetPort "web" is not declared by any container the Service selects: the port has no endpoints',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'target ports by name (with the protocol) and by number; port as target when targetPort is unset',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{name: a, port: 80, targetPort: http}, {name: b, port: 8080}, {name: c, port: 53, targetPort: dns, protocol: UDP}]}
      `,
    },
    {
      name: 'a sidecar declares the port',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          initContainers:
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{name: mesh, containerPort: 15001}]}
          containers:
            - {name: web, image: "web:1.0"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: mesh}]}
      `,
    },
    {
      name: 'numbers are not checked when the pods declare no ports; Services selecting nothing are left alone',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 9999}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: other, namespace: shop}
        spec: {selector: {app: nothing}, ports: [{port: 80, targetPort: http}]}
      `,
    },
    {
      name: 'container ports of the wrong type leave the declared ports unknown',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", ports: [{name: [http], containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
      `,
    },
    {
      name: "one container's ports unreadable: it may declare the name, though the other does not",
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}]}
            - {name: exporter, image: "exporter:1.0", ports: [{name: [metrics], containerPort: 9090}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 9090, targetPort: metrics}]}
      `,
    },
  ],
  invalid: [
    {
      name: "a name no selected container declares; a number is not this rule's (it works undeclared)",
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - name: a
              port: 80
              targetPort: web
            - name: b
              port: 8443
      `,
      errors: [
        { messageId: 'namedPortMissing', data: { target: '"web"' }, line: 19, column: 19, endLine: 19, endColumn: 22 },
      ],
    },
    {
      name: 'a named port of another protocol; an init container that is not a sidecar',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          initContainers:
            - {name: setup, image: "setup:1.0", ports: [{name: setup, containerPort: 7000}]}
          containers:
            - {name: web, image: "web:1.0", ports: [{name: dns, containerPort: 53}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{name: a, port: 53, targetPort: dns, protocol: UDP}, {name: b, port: 7000, targetPort: setup}]}
      `,
      errors: [
        {
          messageId: 'namedPortMissing',
          data: { target: '"dns" (UDP)' },
          line: 13,
          column: 70,
          endLine: 13,
          endColumn: 73,
        },
        {
          messageId: 'namedPortMissing',
          data: { target: '"setup"' },
          line: 13,
          column: 125,
          endLine: 13,
          endColumn: 130,
        },
      ],
    },
  ],
});
