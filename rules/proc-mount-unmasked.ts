import { defineRule } from '../src/lint/rule.js';
import { isString } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { containerSetting } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'proc-mount-unmasked',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description: 'A container asks for an unmasked /proc (`procMount` other than `Default`).',
    rationale:
      'The default /proc mount hides and makes read-only the kernel interfaces a container must not touch. `Unmasked` exposes them, which is only safe in a user-namespaced pod. The baseline Pod Security Standard forbids anything but `Default`.',
    remediation: 'Remove `securityContext.procMount` (or set it to `Default`).',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: sandbox
        spec:
          containers:
            - name: build
              image: registry.example.com/builder:3.2.0
              securityContext:
                procMount: Unmasked
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: sandbox
        spec:
          containers:
            - name: build
              image: registry.example.com/builder:3.2.0
              securityContext:
                procMount: Default
      `,
    },
    messages: {
      unmasked:
        '{{container}} sets procMount {{procMount}}: /proc is not masked (the baseline Pod Security Standard allows only Default)',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const value = containerSetting(c, 'procMount', isString);
      if (typeof value === 'string' && value !== 'Default') {
        ctx.report({
          pointer: `${c.pointer}/securityContext/procMount`,
          messageId: 'unmasked',
          data: { container: describeContainer(c), procMount: value },
        });
      }
    }
  },
});
