import rule from '../../rules/ingress-tls-secret-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('ingress-tls-secret-missing', {
  invalid: {
    'missing-secret.yaml': [
      '10:19 TLS Secret "shop-tls-cert" is not in the input: the host is served with the controller\'s default certificate',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'the Secret is in the input',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
    },
    {
      name: 'a certificate manager creates it',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: other, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop, annotations: {cert-manager.io/cluster-issuer: letsencrypt}}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
    },
    {
      name: 'issuerAnnotations names the annotations of another certificate controller',
      options: { issuerAnnotations: ['acme.example.com/issuer'] },
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: other, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop, annotations: {acme.example.com/issuer: prod}}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
    },
    {
      name: 'no Secret in the namespace, and a TLS entry without secretName (the default certificate is meant)',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls, namespace: other}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: default-cert, namespace: other}
        spec:
          tls: [{hosts: [shop.example.com]}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt Secret',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls-cert}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
      errors: [
        { messageId: 'missing', data: { name: 'shop-tls-cert' }, line: 11, column: 49, endLine: 11, endColumn: 62 },
      ],
    },
    {
      name: 'issuerAnnotations replaces the cert-manager defaults',
      options: { issuerAnnotations: ['acme.example.com/issuer'] },
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: other, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop, annotations: {cert-manager.io/cluster-issuer: letsencrypt}}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
      errors: [{ messageId: 'missing', data: { name: 'shop-tls' }, line: 11, column: 49, endLine: 11, endColumn: 57 }],
    },
    {
      name: 'assumeComplete reports a Secret when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          tls: [{hosts: [shop.example.com], secretName: shop-tls}]
          defaultBackend: {service: {name: web, port: {number: 80}}}
      `,
      errors: [{ messageId: 'missing', data: { name: 'shop-tls' }, line: 5, column: 49, endLine: 5, endColumn: 57 }],
    },
  ],
});
