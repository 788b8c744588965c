import { defineRule } from '../src/lint/rule.js';
import { stringListOption } from '../src/lint/rule-options.js';
import { asArray, asObject } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

/** The capabilities the baseline Pod Security Standard lets a container add (the runtime's defaults). */
const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

export default defineRule<{ allowed: string[] }>({
  meta: {
    id: 'capabilities-dangerous',
    category: 'security',
    severity: 'error',
    description: 'A container adds a Linux capability outside the baseline set (e.g. `SYS_ADMIN`, `NET_ADMIN`, `ALL`).',
    rationale:
      'Capabilities beyond the runtime defaults give a container root-like powers over the node: `SYS_ADMIN` alone allows mounting filesystems and most container escapes. The baseline Pod Security Standard forbids adding any capability outside its list.',
    remediation:
      'Remove the capability from `capabilities.add`; if the workload truly needs it, run it in a namespace with a privileged policy and allow it here with the `allowed` option.',
    target: 'pod-templates',
    options: stringListOption('allowed', 'capabilities that may be added besides the baseline set', []),
    example: {
      invalid: 'securityContext:\n  capabilities:\n    add: [NET_ADMIN]',
      valid: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const allowed = new Set([...BASELINE_CAPABILITIES, ...ctx.options.allowed]);
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const add = asArray(asObject(asObject(c.container.securityContext)?.capabilities)?.add);
      add.forEach((cap, i) => {
        if (typeof cap === 'string' && !allowed.has(cap)) {
          ctx.report(
            `${c.pointer}/securityContext/capabilities/add/${i}`,
            `${describeContainer(c)} adds the capability ${cap}, outside the baseline Pod Security Standard`,
          );
        }
      });
    }
  },
});
