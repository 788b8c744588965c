import { defineRule } from '../src/lint/rule.js';
import { effectiveSetting, isWindowsPod } from '../src/lint/security-context.js';
import { asObject } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'seccomp-profile-missing',
    category: 'security',
    severity: 'warning',
    description:
      'A container runs without a seccomp profile (`seccompProfile` unset on it and on the pod) or with `Unconfined`.',
    rationale:
      'A seccomp profile blocks the system calls containers never need, many of them the entry points of kernel exploits. Unless set, containers run unconfined on most clusters. The baseline Pod Security Standard forbids `Unconfined`; the restricted one requires `RuntimeDefault` or `Localhost`.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.',
    notes:
      'Windows pods (`spec.os.name: windows`) are not checked: the restricted standard exempts them, and the API server refuses a seccomp profile on them.',
    target: 'pod-templates',
    example: {
      invalid: 'spec:\n  securityContext:\n    runAsNonRoot: true',
      valid: 'spec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault',
    },
  },
  check(ctx) {
    // Seccomp is a Linux kernel feature: the restricted standard exempts Windows pods (from 1.25).
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    // Unset everywhere is reported once, at the pod, where one line fixes every container.
    const unset: string[] = [];
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(ctx.podTemplate, c, 'seccompProfile');
      const type = asObject(setting.value)?.type;
      if (setting.source === 'unset') unset.push(describeContainer(c));
      else if (type === 'Unconfined')
        ctx.report(
          `${setting.pointer}/type`,
          `${describeContainer(c)} runs with the Unconfined seccomp profile${setting.source === 'pod' ? ' (from the pod)' : ''}, forbidden by the baseline Pod Security Standard`,
        );
    }
    if (unset.length) {
      ctx.report(
        `${ctx.podTemplate.specPointer}/securityContext/seccompProfile`,
        `no seccomp profile for ${unset.join(', ')}: set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)`,
      );
    }
  },
});
