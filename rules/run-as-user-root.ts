import { defineRule } from '../src/lint/rule.js';
import { effectiveSetting } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'run-as-user-root',
    category: 'security',
    severity: 'error',
    description: 'A container runs as user 0 (root), set with `runAsUser: 0` on it or on the pod.',
    rationale:
      'User 0 is root: a process that escapes the container is root on the node. The restricted Pod Security Standard forbids `runAsUser: 0`, and `runAsNonRoot: true` makes the kubelet refuse to start such a container.',
    remediation: 'Run as an unprivileged user: set `runAsUser` to a non-zero id (e.g. 10001) that the image supports.',
    target: 'pod-templates',
    example: {
      invalid: 'securityContext:\n  runAsUser: 0',
      valid: 'securityContext:\n  runAsUser: 10001\n  runAsNonRoot: true',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    // A pod-level 0 is reported once, at the pod, when at least one container inherits it.
    let podLevelReported = false;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(ctx.podTemplate, c, 'runAsUser');
      if (setting.value !== 0) continue;
      if (setting.source === 'pod') {
        if (!podLevelReported)
          ctx.report(
            setting.pointer,
            `the pod runs its containers as root (runAsUser: 0), ${describeContainer(c)} included`,
          );
        podLevelReported = true;
      } else {
        ctx.report(setting.pointer, `${describeContainer(c)} runs as root (runAsUser: 0)`);
      }
    }
  },
});
