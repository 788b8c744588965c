import { defineRule } from '../src/lint/rule.js';
import { containerSetting } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'proc-mount-unmasked',
    category: 'security',
    severity: 'error',
    description: 'A container asks for an unmasked /proc (`procMount` other than `Default`).',
    rationale:
      'The default /proc mount hides and makes read-only the kernel interfaces a container must not touch. `Unmasked` exposes them, which is only safe in a user-namespaced pod. The baseline Pod Security Standard forbids anything but `Default`.',
    remediation: 'Remove `securityContext.procMount` (or set it to `Default`).',
    target: 'pod-templates',
    example: { invalid: 'securityContext:\n  procMount: Unmasked', valid: 'securityContext:\n  procMount: Default' },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const value = containerSetting(c, 'procMount');
      if (value !== undefined && value !== 'Default') {
        ctx.report(
          `${c.pointer}/securityContext/procMount`,
          `${describeContainer(c)} sets procMount ${String(value)}: /proc is not masked (the baseline Pod Security Standard allows only Default)`,
        );
      }
    }
  },
});
