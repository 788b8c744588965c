import { ingressBackends } from '../src/lint/ingress-backends.js';
import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { fieldOf, isList, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { servicePorts } from '../src/lint/service-targets.js';

export default defineRule<ReferenceOptions, 'noService' | 'noPortNumber' | 'noPortName'>({
  meta: {
    id: 'ingress-backend-missing',
    category: 'references',
    severity: 'error',
    profile: 'default',
    description:
      'An Ingress routes to a Service that the input does not define, or to a port that the Service does not have.',
    rationale:
      "The ingress controller answers such requests with 503 (or 404): the route exists but leads nowhere. A port must match the Service's `port` number or port `name`, not the container port.",
    remediation:
      "Name an existing Service of the Ingress's namespace and one of its ports (`port.number` = the Service's `port`, or `port.name` = its port name).",
    target: ['Ingress.networking.k8s.io'],
    notes: `The port is checked whenever the Service is in the input; a port it lacks is an error. A Service missing from the input is at most a warning, as it may be deployed from elsewhere. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: shop
        spec:
          selector:
            app: api
          ports:
            - name: http
              port: 8080
              targetPort: 8080
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 80
      `,
      valid: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          namespace: shop
        spec:
          selector:
            app: api
          ports:
            - name: http
              port: 8080
              targetPort: 8080
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          namespace: shop
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /api
                    pathType: Prefix
                    backend:
                      service:
                        name: api
                        port:
                          number: 8080
      `,
    },
    messages: {
      noService:
        'backend Service "{{service}}" is not in the input, though other Services of its namespace are: unless the cluster has it, requests on this route fail',
      noPortNumber: 'Service "{{service}}" has no port {{port}} (its ports: {{ports}}): requests on this route fail',
      noPortName:
        'Service "{{service}}" has no port named "{{port}}" (its ports: {{ports}}): requests on this route fail',
    },
  },
  check(ctx) {
    for (const backend of ingressBackends(ctx.manifest)) {
      const service = ctx.index.find('Service', ctx.namespace, backend.service);
      if (!service) {
        if (reportsMissing(ctx, 'Service', ctx.namespace))
          ctx.report({
            pointer: `${backend.pointer}/name`,
            messageId: 'noService',
            data: { service: backend.service },
            // The Service may be deployed from elsewhere: a warning, while a port the Service in
            // the input lacks is certain to fail.
            atMost: 'warning',
          });
        continue;
      }
      const port = backend.port;
      // The ports of a Service whose spec.ports has the wrong type are unknown.
      if (!port || fieldOf(service.object, ['spec', 'ports'], isList) === WRONG_TYPE) continue;
      const ports = servicePorts(service);
      const found =
        'number' in port ? ports.some((p) => p.port === port.number) : ports.some((p) => p.name === port.name);
      if (found) continue;
      const has =
        ports.map((p) => (typeof p.name === 'string' ? `${String(p.port)} (${p.name})` : String(p.port))).join(', ') ||
        'none';
      const data = { service: backend.service, ports: has };
      if ('number' in port)
        ctx.report({
          pointer: `${backend.pointer}/port/number`,
          messageId: 'noPortNumber',
          data: { ...data, port: port.number },
        });
      else
        ctx.report({
          pointer: `${backend.pointer}/port/name`,
          messageId: 'noPortName',
          data: { ...data, port: port.name },
        });
    }
  },
});
