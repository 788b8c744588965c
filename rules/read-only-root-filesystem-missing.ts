import { defineRule } from '../src/lint/rule.js';
import { containerSetting, isWindowsPod } from '../src/lint/security-context.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'read-only-root-filesystem-missing',
    category: 'security',
    severity: 'warning',
    description: 'A container does not set `readOnlyRootFilesystem: true`.',
    rationale:
      'A writable root filesystem lets an attacker, or a bug, change the binaries and configuration of the running container, and lets files grow unseen on the node. Writable paths the application needs belong in volumes (`emptyDir`).',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the application writes (e.g. `/tmp`).',
    target: 'pod-templates',
    example: {
      invalid: 'securityContext:\n  allowPrivilegeEscalation: false',
      valid: 'securityContext:\n  allowPrivilegeEscalation: false\n  readOnlyRootFilesystem: true',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of containersOf(ctx.podTemplate)) {
      if (containerSetting(c, 'readOnlyRootFilesystem') !== true) {
        ctx.report(
          `${c.pointer}/securityContext/readOnlyRootFilesystem`,
          `${describeContainer(c)} has a writable root filesystem (readOnlyRootFilesystem is not true)`,
        );
      }
    }
  },
});
