import { ingressBackends } from '../src/lint/ingress-backends.js';
import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { servicePorts } from '../src/lint/service-targets.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'ingress-backend-missing',
    category: 'references',
    severity: 'error',
    description:
      'An Ingress routes to a Service that the input does not define, or to a port that the Service does not have.',
    rationale:
      "The ingress controller answers such requests with 503 (or 404): the route exists but leads nowhere. A port must match the Service's `port` number or port `name`, not the container port.",
    remediation:
      "Name an existing Service of the Ingress's namespace and one of its ports (`port.number` = the Service's `port`, or `port.name` = its port name).",
    target: ['Ingress.networking.k8s.io'],
    notes: `The port is checked whenever the Service is in the input. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid:
        'backend:\n  service:\n    name: api\n    port:\n      number: 80\n# Service api has ports: [{name: http, port: 8080}]',
      valid: 'backend:\n  service:\n    name: api\n    port:\n      number: 8080',
    },
  },
  check(ctx) {
    for (const backend of ingressBackends(ctx.manifest)) {
      const service = ctx.index.find('Service', ctx.namespace, backend.service);
      if (!service) {
        if (reportsMissing(ctx, 'Service', ctx.namespace))
          ctx.report(
            `${backend.pointer}/name`,
            `backend Service "${backend.service}" is not in the input: requests on this route fail`,
          );
        continue;
      }
      const port = backend.port;
      if (!port) continue;
      const ports = servicePorts(service);
      const found =
        'number' in port ? ports.some((p) => p.port === port.number) : ports.some((p) => p.name === port.name);
      if (found) continue;
      const has =
        ports.map((p) => (typeof p.name === 'string' ? `${String(p.port)} (${p.name})` : String(p.port))).join(', ') ||
        'none';
      const what = 'number' in port ? `port ${port.number}` : `port named "${port.name}"`;
      ctx.report(
        `${backend.pointer}/port/${'number' in port ? 'number' : 'name'}`,
        `Service "${backend.service}" has no ${what} (its ports: ${has}): requests on this route fail`,
      );
    }
  },
});
