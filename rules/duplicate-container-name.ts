import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'duplicate-container-name',
    category: 'workloads',
    severity: 'error',
    profile: 'default',
    description:
      'Two containers of a pod (containers, init containers and ephemeral containers together) have the same name.',
    rationale:
      'Container names identify containers in the pod (logs, exec, status, restarts); the API server rejects a pod whose container names repeat.',
    remediation: 'Give each container, init container and ephemeral container of the pod its own name.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          initContainers:
            - name: app
              image: registry.example.com/shop/migrate:1.0.0
          containers:
            - name: app
              image: registry.example.com/shop/api:1.8.2
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          initContainers:
            - name: migrate
              image: registry.example.com/shop/migrate:1.0.0
          containers:
            - name: app
              image: registry.example.com/shop/api:1.8.2
      `,
    },
    messages: {
      duplicate:
        'container name "{{name}}" is already used by {{first}}: the API server rejects duplicate container names',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const seen = new Map<string, string>();
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (!c.name) continue;
      const first = seen.get(c.name);
      if (first) ctx.report({ pointer: `${c.pointer}/name`, messageId: 'duplicate', data: { name: c.name, first } });
      // Where the first one is, as the pod spec reads: `initContainers[0]`.
      else seen.set(c.name, `${c.type}[${c.index}]`);
    }
  },
});
