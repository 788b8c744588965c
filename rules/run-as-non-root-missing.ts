import { defineRule } from '../src/lint/rule.js';
import { effectiveSetting } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root-missing',
    category: 'security',
    severity: 'warning',
    description: 'Neither the container nor the pod sets `runAsNonRoot: true`.',
    rationale:
      'Many images run as root unless told otherwise; root in a container is one kernel bug away from root on the node. With `runAsNonRoot: true` the kubelet refuses to start a container whose user is root. The restricted Pod Security Standard requires it.',
    remediation:
      'Set `securityContext.runAsNonRoot: true` on the pod (or each container), with a non-zero `runAsUser` if the image does not set a user.',
    notes:
      'Windows pods (`spec.os.name: windows`) are checked too: the restricted standard requires `runAsNonRoot` on them, and the kubelet refuses to start a Windows container that would run as `ContainerAdministrator`.',
    target: 'pod-templates',
    example: {
      invalid: 'securityContext:\n  runAsUser: 10001',
      valid: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 10001',
    },
  },
  check(ctx) {
    // No Windows exemption: the restricted standard exempts Windows pods only from the Linux-only
    // controls (privilege escalation, seccomp, capabilities), and runAsNonRoot works on Windows.
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(ctx.podTemplate, c, 'runAsNonRoot');
      if (setting.value === true) continue;
      const what =
        setting.value === false
          ? `sets runAsNonRoot: false${setting.source === 'pod' ? ' (from the pod)' : ''}`
          : 'is not required to run as non-root (runAsNonRoot is not true on it or on the pod)';
      ctx.report(setting.pointer, `${describeContainer(c)} ${what}: it may run as root`);
    }
  },
});
