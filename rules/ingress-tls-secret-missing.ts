import { reportsMissing, REFERENCE_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString, asStringMap, dig, indexedObjectsIn } from '../src/model/json.js';

export default defineRule<ReferenceOptions & { issuerAnnotations: string[] }, 'missing'>({
  meta: {
    id: 'ingress-tls-secret-missing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: "An Ingress's TLS section names a Secret that the input does not define.",
    rationale:
      'Without its certificate Secret the ingress controller serves HTTPS for the host with a default, self-signed certificate: browsers and clients refuse the connection.',
    remediation:
      "Create the `kubernetes.io/tls` Secret in the Ingress's namespace, fix `secretName`, or let a certificate manager create it (annotate the Ingress for it).",
    target: ['Ingress.networking.k8s.io'],
    notes: `Ingresses annotated for a certificate manager (by default \`cert-manager.io/cluster-issuer\` and \`cert-manager.io/issuer\`, see the \`issuerAnnotations\` option) get their Secret created for them and are not checked. ${REFERENCE_NOTES}`,
    options: {
      schema: {
        type: 'object',
        properties: {
          assumeComplete: {
            type: 'boolean',
            description: 'report Secrets even when the input defines no Secret in the namespace',
          },
          issuerAnnotations: {
            type: 'array',
            items: { type: 'string' },
            description: 'annotations that make a controller create the TLS Secret',
          },
        },
        additionalProperties: false,
      },
      defaults: {
        assumeComplete: false,
        issuerAnnotations: ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'],
      },
    },
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-tls
          namespace: shop
        type: kubernetes.io/tls
        data:
          tls.crt: ""
          tls.key: ""
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls-cert
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
      `,
      valid: yaml`
        apiVersion: v1
        kind: Secret
        metadata:
          name: shop-tls
          namespace: shop
        type: kubernetes.io/tls
        data:
          tls.crt: ""
          tls.key: ""
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          tls:
            - hosts: [shop.example.com]
              secretName: shop-tls
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
      `,
    },
    messages: {
      missing:
        'TLS Secret "{{name}}" is not in the input: the host is served with the controller\'s default certificate',
    },
  },
  check(ctx) {
    const annotations = asStringMap(dig(ctx.object, 'metadata', 'annotations'));
    if (ctx.options.issuerAnnotations.some((a) => annotations[a] !== undefined)) return;
    for (const { item, index } of indexedObjectsIn(dig(ctx.object, 'spec', 'tls'))) {
      const name = asString(item.secretName);
      if (!name || ctx.index.find('Secret', ctx.namespace, name) || !reportsMissing(ctx, 'Secret', ctx.namespace))
        continue;
      ctx.report({ pointer: `/spec/tls/${index}/secretName`, messageId: 'missing', data: { name } });
    }
  },
});
