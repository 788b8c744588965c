import { expect, it } from '@jest/globals';
import rule from '../../rules/ingress-backend-missing.js';
import { lint } from '../../src/index.js';
import { runRuleTests, testRule } from './rule-tester.js';

it('ingress-backend-missing: a missing Service is a warning (it may be deployed from elsewhere), a missing port an error', async () => {
  const result = await lint(['fixtures/rules/ingress-backend-missing/invalid/missing-service-and-ports.yaml'], {
    onlyRules: ['ingress-backend-missing'],
  });
  expect(result.findings.map((f) => `${f.line} ${f.severity} ${f.messageId}`)).toEqual([
    '53 error noPortNumber',
    '60 error noPortName',
    '65 warning noService',
  ]);
});

testRule('ingress-backend-missing', {
  invalid: {
    'missing-service-and-ports.yaml': [
      '53:27 Service "web" has no port 8080 (its ports: 80 (http)): requests on this route fail',
      '60:25 Service "web" has no port named "https" (its ports: 80 (http)): requests on this route fail',
      '65:23 backend Service "api" is not in the input, though other Services of its namespace are: unless the cluster has it, requests on this route fail',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'ports by number and by name, and the default backend',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: [{name: http, port: 8080}, {name: grpc, port: 9090}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          defaultBackend: {service: {name: api, port: {number: 8080}}}
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /a
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 8080}}}
                  - path: /b
                    pathType: Prefix
                    backend: {service: {name: api, port: {name: http}}}
                  - path: /c
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 9090}}}
      `,
    },
    {
      name: 'no Service at all in the namespace: managed elsewhere',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: other}
        spec: {ports: [{name: http, port: 8080}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /a
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 8080}}}
      `,
    },
    {
      name: 'a backend port or Service ports of the wrong type are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: {port: 8080}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /a
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 80}}}
                  - path: /b
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: "8080"}}}
      `,
    },
    {
      name: 'resource backends are not Services',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: [{name: http, port: 8080}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /static
                    pathType: Prefix
                    backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a missing Service, a port number the Service lacks, a port name it lacks',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: [{name: http, port: 80}, {name: grpc, port: 9090}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /a
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
                  - path: /b
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 8080}}}
                  - path: /c
                    pathType: Prefix
                    backend: {service: {name: api, port: {name: https}}}
      `,
      errors: [
        { messageId: 'noService', data: { service: 'web' }, line: 16, column: 39, endLine: 16, endColumn: 42 },
        {
          messageId: 'noPortNumber',
          data: { service: 'api', ports: '80 (http), 9090 (grpc)', port: 8080 },
          line: 19,
          column: 59,
          endLine: 19,
          endColumn: 63,
        },
        {
          messageId: 'noPortName',
          data: { service: 'api', ports: '80 (http), 9090 (grpc)', port: 'https' },
          line: 22,
          column: 57,
          endLine: 22,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'the default backend; a Service without ports',
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {ports: []}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          defaultBackend: {service: {name: api, port: {number: 80}}}
      `,
      errors: [
        {
          messageId: 'noPortNumber',
          data: { service: 'api', ports: 'none', port: 80 },
          line: 10,
          column: 56,
          endLine: 10,
          endColumn: 58,
        },
      ],
    },
    {
      name: 'assumeComplete reports a Service when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /a
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
      `,
      errors: [{ messageId: 'noService', data: { service: 'web' }, line: 11, column: 39, endLine: 11, endColumn: 42 }],
    },
  ],
});
