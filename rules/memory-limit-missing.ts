import { judgedContainers } from '../src/lint/judged-containers.js';
import { limitState } from '../src/lint/resource-fields.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'memory-limit-missing',
    category: 'resources',
    severity: 'warning',
    profile: 'all',
    description: 'A container has no memory limit.',
    rationale:
      'A container without a memory limit can use all the memory of its node; a leak then pushes the node into memory pressure and the kubelet evicts other pods, or the kernel kills processes of unrelated containers.',
    remediation:
      'Set `resources.limits.memory` (often equal to the request, which also gives the container a predictable out-of-memory behaviour).',
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
                  cpu: 250m
                  memory: 256Mi
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
                  cpu: 250m
                  memory: 256Mi
                limits:
                  memory: 512Mi
      `,
    },
    messages: { noLimit: '{{container}} has no memory limit: it can take all the memory of its node' },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate)) {
      if (limitState(ctx.podTemplate, c, 'memory') !== 'missing') continue;
      ctx.report({
        pointer: `${c.pointer}/resources/limits/memory`,
        messageId: 'noLimit',
        data: { container: describeContainer(c) },
      });
    }
  },
});
