import rule from '../../rules/ingress-path-conflict.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('ingress-path-conflict', {
  invalid: {
    'same-route.yaml': [
      '31:19 host shop.example.com path /api (Prefix) is already claimed by Ingress shop/shop (fixtures/rules/ingress-path-conflict/invalid/same-route.yaml:12): only one of them gets the traffic',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'another path, host, path type or class',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: a, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /web
                    pathType: Prefix
                    backend: {service: {name: b, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: c, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: api.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: c, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: d, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Exact
                    backend: {service: {name: d, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: e, namespace: shop}
        spec:
          ingressClassName: traefik
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: e, port: {number: 80}}}
      `,
    },
    {
      name: 'the class by annotation differs from the class by field',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: a, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop, annotations: {kubernetes.io/ingress.class: traefik}}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: b, port: {number: 80}}}
      `,
    },
    {
      name: 'paths of the wrong type claim nothing',
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: [/api]
                    pathType: Prefix
                    backend: {service: {name: a, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: [/api]
                    pathType: Prefix
                    backend: {service: {name: b, port: {number: 80}}}
      `,
    },
    {
      name: 'an ingress class of the wrong type, by field or by annotation, claims nothing',
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop}
        spec:
          ingressClassName: [nginx]
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: c, namespace: shop, annotations: {kubernetes.io/ingress.class: [nginx]}}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: c, port: {number: 80}}}}
      `,
    },
    {
      name: 'hosts of the wrong type claim nothing',
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: [shop.example.com]
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
            - host: [api.example.com]
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
      `,
    },
    {
      name: 'path types of the wrong type claim nothing',
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: [Prefix], backend: {service: {name: a, port: {number: 80}}}}
                  - {path: /api, pathType: [Exact], backend: {service: {name: b, port: {number: 80}}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'an empty class annotation is no class, as no annotation is',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop, annotations: {kubernetes.io/ingress.class: ""}}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}
      `,
      errors: [
        {
          messageId: 'otherIngress',
          data: {
            host: 'shop.example.com',
            path: '/api (Prefix)',
            ingress: 'Ingress shop/a',
            location: 'case.yaml:9',
          },
          line: 19,
          column: 20,
          endLine: 19,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'paths without a path type: the message shows the path alone',
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /api, backend: {service: {name: a, port: {number: 80}}}}
                  - {path: /api, backend: {service: {name: b, port: {number: 80}}}}
      `,
      errors: [
        {
          messageId: 'sameIngress',
          data: { host: 'shop.example.com', path: '/api' },
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a path left out is /',
      // The API server refuses a Prefix path left out (schema-invalid); the rule still reads it as /.
      malformed: true,
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
                  - {path: /, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}
      `,
      errors: [
        {
          messageId: 'sameIngress',
          data: { host: 'shop.example.com', path: '/ (Prefix)' },
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'two Ingresses of one class, the later one reported',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: shop, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: api, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: api, port: {number: 80}}}
      `,
      errors: [
        {
          messageId: 'otherIngress',
          data: {
            host: 'shop.example.com',
            path: '/api (Prefix)',
            ingress: 'Ingress shop/shop',
            location: 'case.yaml:10',
          },
          line: 23,
          column: 19,
          endLine: 23,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'twice in one Ingress; a rule without host claims every host',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
                  - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
      `,
      errors: [
        {
          messageId: 'sameIngress',
          data: { host: '*', path: '/ (Prefix)' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'the annotation names the same class as the field',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: a, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: a, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: b, namespace: shop, annotations: {kubernetes.io/ingress.class: nginx}}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: b, port: {number: 80}}}
      `,
      errors: [
        {
          messageId: 'otherIngress',
          data: {
            host: 'shop.example.com',
            path: '/api (Prefix)',
            ingress: 'Ingress shop/a',
            location: 'case.yaml:10',
          },
          line: 22,
          column: 19,
          endLine: 22,
          endColumn: 23,
        },
      ],
    },
  ],
});
