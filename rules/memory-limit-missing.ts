import { resourcesOf } from '../src/lint/resource-fields.js';
import { defineRule } from '../src/lint/rule.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'memory-limit-missing',
    category: 'resources',
    severity: 'warning',
    description: 'A container has no memory limit.',
    rationale:
      'A container without a memory limit can use all the memory of its node; a leak then pushes the node into memory pressure and the kubelet evicts other pods, or the kernel kills processes of unrelated containers.',
    remediation:
      'Set `resources.limits.memory` (often equal to the request, which also gives the container a predictable out-of-memory behaviour).',
    target: 'pod-templates',
    example: {
      invalid: 'resources:\n  requests:\n    cpu: 250m\n    memory: 256Mi',
      valid: 'resources:\n  requests:\n    cpu: 250m\n    memory: 256Mi\n  limits:\n    memory: 512Mi',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate)) {
      if (resourcesOf(c).limits.memory === undefined) {
        ctx.report(
          `${c.pointer}/resources/limits/memory`,
          `${describeContainer(c)} has no memory limit: it can take all the memory of its node`,
        );
      }
    }
  },
});
