import { containersOf, describeContainer } from '../src/lint/pod-templates.js';
import { hasRequest } from '../src/lint/resource-fields.js';
import { defineRule } from '../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'memory-request-missing',
    category: 'resources',
    severity: 'warning',
    description: 'A container has no memory request (and no memory limit it would be copied from).',
    rationale:
      'Without a memory request the scheduler counts the container as needing no memory, packs it onto full nodes, and the kubelet evicts its pod first when the node runs short.',
    remediation: 'Set `resources.requests.memory` to the working set the container needs (e.g. `256Mi`).',
    target: 'pod-templates',
    example: {
      invalid: 'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        cpu: 250m',
      valid: 'containers:\n  - name: api\n    image: shop/api:1.8.2\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate)) {
      if (!hasRequest(c, 'memory')) ctx.report(`${c.pointer}/resources/requests/memory`, `${describeContainer(c)} has no memory request: the scheduler counts it as needing no memory`);
    }
  },
});
