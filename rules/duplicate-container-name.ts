import { defineRule } from '../src/lint/rule.js';
import { containersOf } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'duplicate-container-name',
    category: 'workloads',
    severity: 'error',
    description:
      'Two containers of a pod (containers, init containers and ephemeral containers together) have the same name.',
    rationale:
      'Container names identify containers in the pod (logs, exec, status, restarts); the API server rejects a pod whose container names repeat.',
    remediation: 'Give each container, init container and ephemeral container of the pod its own name.',
    target: 'pod-templates',
    example: {
      invalid:
        'initContainers:\n  - name: app\n    image: shop/migrate:1.0.0\ncontainers:\n  - name: app\n    image: shop/api:1.8.2',
      valid:
        'initContainers:\n  - name: migrate\n    image: shop/migrate:1.0.0\ncontainers:\n  - name: app\n    image: shop/api:1.8.2',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const seen = new Map<string, string>();
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (!c.name) continue;
      const first = seen.get(c.name);
      if (first)
        ctx.report(
          `${c.pointer}/name`,
          `container name "${c.name}" is already used by ${first}: the API server rejects duplicate container names`,
        );
      else seen.set(c.name, c.pointer.slice(ctx.podTemplate.specPointer.length + 1).replace(/\/(\d+)$/, '[$1]'));
    }
  },
});
