import { defineRule } from '../src/lint/rule.js';
import { containerSetting, isWindowsPod } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'privilege-escalation-allowed',
    category: 'security',
    severity: 'warning',
    description: 'A container does not set `allowPrivilegeEscalation: false`.',
    rationale:
      'Unless it is false, a process in the container can gain more privileges than its parent (through setuid binaries or file capabilities). The restricted Pod Security Standard requires it to be false.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    target: 'pod-templates',
    notes: 'Windows pods (`spec.os.name: windows`) are not checked, as the restricted standard exempts them.',
    example: {
      invalid: 'securityContext:\n  runAsNonRoot: true',
      valid: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const value = containerSetting(c, 'allowPrivilegeEscalation');
      if (value === false) continue;
      const what =
        value === true ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false';
      ctx.report(
        `${c.pointer}/securityContext/allowPrivilegeEscalation`,
        `${describeContainer(c)} ${what}: its processes can gain privileges (the restricted Pod Security Standard requires false)`,
      );
    }
  },
});
