import { compareQuantities, parseQuantity } from '../src/model/quantity.js';
import { appendPointer } from '../src/model/json-pointer.js';
import { resourcesOf } from '../src/lint/resource-fields.js';
import { defineRule } from '../src/lint/rule.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'request-above-limit',
    category: 'resources',
    severity: 'error',
    description: 'A container requests more of a resource than its limit allows.',
    rationale:
      'The API server rejects a container whose request is above its limit for the same resource, so the whole object fails to apply.',
    remediation:
      'Lower the request or raise the limit so that request ≤ limit (quantities compare by value: `0.5` equals `500m`).',
    target: 'pod-templates',
    example: {
      invalid: 'resources:\n  requests:\n    memory: 1Gi\n  limits:\n    memory: 512Mi',
      valid: 'resources:\n  requests:\n    memory: 512Mi\n  limits:\n    memory: 1Gi',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate)) {
      const { requests, limits } = resourcesOf(c);
      for (const resource of Object.keys(requests).sort()) {
        const request = parseQuantity(requests[resource]);
        const limit = parseQuantity(limits[resource]);
        if (!request || !limit || compareQuantities(request, limit) <= 0) continue;
        ctx.report(
          appendPointer(`${c.pointer}/resources/requests`, resource),
          `${describeContainer(c)} requests ${String(requests[resource])} ${resource} but is limited to ${String(limits[resource])}: the API server rejects a request above its limit`,
        );
      }
    }
  },
});
