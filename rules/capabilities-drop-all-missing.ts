import { defineRule } from '../src/lint/rule.js';
import { isWindowsPod } from '../src/lint/security-context.js';
import { asArray, asObject } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'capabilities-drop-all-missing',
    category: 'security',
    severity: 'warning',
    description: 'A container does not drop all Linux capabilities (`capabilities.drop: [ALL]`).',
    rationale:
      'Container runtimes grant a default set of capabilities (CHOWN, NET_RAW, SETUID, ...) that most applications never use; each one widens what an attacker can do. The restricted Pod Security Standard requires dropping ALL and adding back only `NET_BIND_SERVICE`.',
    remediation: 'Set `securityContext.capabilities.drop: [ALL]`, and add back only what the process needs.',
    target: 'pod-templates',
    example: {
      invalid: 'securityContext:\n  allowPrivilegeEscalation: false',
      valid: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const drop = asArray(asObject(asObject(c.container.securityContext)?.capabilities)?.drop);
      if (!drop.includes('ALL')) {
        ctx.report(
          `${c.pointer}/securityContext/capabilities/drop`,
          `${describeContainer(c)} keeps the runtime's default capabilities: capabilities.drop does not include ALL`,
        );
      }
    }
  },
});
