import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString, indexedObjectsIn } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'duplicate-env-name',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
    description: 'A container sets the same environment variable twice in `env`.',
    rationale:
      'Only the last entry takes effect, so the first one is dead configuration that reviewers still read as active; such duplicates usually come from a merge or a copy that changed one value but not the other.',
    remediation: 'Keep one entry per variable name.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
              env:
                - name: LOG_LEVEL
                  value: info
                - name: LOG_LEVEL
                  value: debug
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
              env:
                - name: LOG_LEVEL
                  value: debug
      `,
    },
    messages: {
      duplicate: '{{container}} sets {{name}} again (first at env[{{first}}]); only the last value takes effect',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const seen = new Map<string, number>();
      for (const { item, index } of indexedObjectsIn(c.container.env)) {
        const name = asString(item.name);
        if (!name) continue;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, index);
        else
          ctx.report({
            pointer: `${c.pointer}/env/${index}/name`,
            messageId: 'duplicate',
            data: { container: describeContainer(c), name, first },
          });
      }
    }
  },
});
