import { defineRule } from '../src/lint/rule.js';
import { containerSetting } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    category: 'security',
    severity: 'error',
    description: 'A container runs privileged (`securityContext.privileged: true`).',
    rationale:
      'A privileged container has every capability and access to all host devices: escaping to the node is trivial. The baseline Pod Security Standard forbids it, so a namespace enforcing baseline or restricted rejects the pod.',
    remediation:
      'Remove `privileged: true`; grant the one capability the container needs with `capabilities.add` instead.',
    target: 'pod-templates',
    example: { invalid: 'securityContext:\n  privileged: true', valid: 'securityContext:\n  privileged: false' },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (containerSetting(c, 'privileged') === true) {
        ctx.report(
          `${c.pointer}/securityContext/privileged`,
          `${describeContainer(c)} runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)`,
        );
      }
    }
  },
});
