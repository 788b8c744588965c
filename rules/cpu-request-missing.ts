import { containersOf, describeContainer } from '../src/lint/pod-templates.js';
import { hasRequest } from '../src/lint/resource-fields.js';
import { defineRule } from '../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'cpu-request-missing',
    category: 'resources',
    severity: 'warning',
    description: 'A container has no CPU request (and no CPU limit it would be copied from).',
    rationale:
      'The scheduler places pods by their requests. A container without a CPU request counts as needing nothing, so nodes get overcommitted, the pod gets the lowest share under contention, and an autoscaler that targets CPU utilization cannot compute one.',
    remediation: 'Set `resources.requests.cpu` to what the container uses under normal load (e.g. `250m`).',
    target: 'pod-templates',
    example: {
      invalid: 'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        memory: 256Mi',
      valid: 'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate)) {
      if (!hasRequest(c, 'cpu')) ctx.report(`${c.pointer}/resources/requests/cpu`, `${describeContainer(c)} has no CPU request: the scheduler counts it as needing no CPU`);
    }
  },
});
