import rule from '../../rules/readiness-probe-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('readiness-probe-missing', {
  invalid: {
    'rollout.yaml': [
      '17:11 container "checkout" has no readiness probe, but Service shop/checkout sends it traffic: requests reach it before it can serve them',
    ],
    'targeted-by-service.yaml': [
      '17:11 container "web" has no readiness probe, but Service shop/web sends it traffic: requests reach it before it can serve them',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a probe on the container a Service sends traffic to',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}], readinessProbe: {httpGet: {path: /ready, port: http}}}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
      `,
    },
    {
      name: 'no Service selects the pods (a worker)',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: worker, image: "worker:1.0"}]
      `,
    },
    {
      name: 'only the containers that declare the target port need one; init containers never',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          initContainers:
            - {name: setup, image: "setup:1.0"}
          containers:
            - {name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}], readinessProbe: {tcpSocket: {port: http}}}
            - {name: log-shipper, image: "shipper:1.0"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
      `,
    },
    {
      name: 'a probe of the wrong type is left to the schema',
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
              containers: [{name: web, image: "web:1.0", readinessProbe: yes}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'the serving container has none; both Services are named',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0", ports: [{name: http, containerPort: 8080}]}, {name: shipper, image: "shipper:1.0"}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web-internal, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 8080}]}
      `,
      errors: [
        {
          messageId: 'noReadinessProbe',
          data: { container: 'container "web"', services: 'Service shop/web, Service shop/web-internal' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 93,
        },
      ],
    },
    {
      name: 'no container declares the target port: every container needs one; null is no probe',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers:
            - {name: web, image: "web:1.0", readinessProbe: null}
            - {name: proxy, image: "proxy:1.0", readinessProbe: {tcpSocket: {port: 8080}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      `,
      errors: [
        {
          messageId: 'noReadinessProbe',
          data: { container: 'container "web"', services: 'Service shop/web' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 58,
        },
      ],
    },
  ],
});
