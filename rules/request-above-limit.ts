import { compareQuantities, parseQuantity } from '../src/model/quantity.js';
import { appendPointer } from '../src/model/json-pointer.js';
import { resourcesOf } from '../src/lint/resource-fields.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'request-above-limit',
    category: 'resources',
    severity: 'error',
    profile: 'default',
    description: 'A container requests more of a resource than its limit allows.',
    rationale:
      'The API server rejects a container whose request is above its limit for the same resource, so the whole object fails to apply.',
    remediation:
      'Lower the request or raise the limit so that request ≤ limit (quantities compare by value: `0.5` equals `500m`).',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              resources:
                requests:
                  memory: 1Gi
                limits:
                  memory: 512Mi
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              resources:
                requests:
                  memory: 512Mi
                limits:
                  memory: 1Gi
      `,
    },
    messages: {
      aboveLimit:
        '{{container}} requests {{request}} {{resource}} but is limited to {{limit}}: the API server rejects a request above its limit',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate)) {
      const { requests, limits } = resourcesOf(c);
      // Stryker disable next-line MethodExpression: each resource is reported at its own key, and the engine sorts findings by position, so the order of the reports is not seen
      for (const resource of Object.keys(requests).sort()) {
        const request = parseQuantity(requests[resource]);
        const limit = parseQuantity(limits[resource]);
        if (!request || !limit || compareQuantities(request, limit) <= 0) continue;
        ctx.report({
          pointer: appendPointer(`${c.pointer}/resources/requests`, resource),
          messageId: 'aboveLimit',
          data: {
            container: describeContainer(c),
            request: String(requests[resource]),
            resource,
            limit: String(limits[resource]),
          },
        });
      }
    }
  },
});
