import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { stringListOption } from '../src/lint/rule-options.js';
import { asArray, asObject } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

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

export default defineRule<{ allowed: string[] }, 'dangerous'>({
  meta: {
    id: 'capabilities-dangerous',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description: 'A container adds a Linux capability outside the baseline set (e.g. `SYS_ADMIN`, `NET_ADMIN`, `ALL`).',
    rationale:
      'Capabilities beyond the runtime defaults give a container root-like powers over the node: `SYS_ADMIN` alone allows mounting filesystems and most container escapes. The baseline Pod Security Standard forbids adding any capability outside its list.',
    remediation:
      'Remove the capability from `capabilities.add`; if the workload truly needs it, run it in a namespace with a privileged policy and allow it here with the `allowed` option.',
    target: 'pod-templates',
    options: stringListOption('allowed', 'capabilities that may be added besides the baseline set', []),
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                capabilities:
                  add: [NET_ADMIN]
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                capabilities:
                  drop: [ALL]
                  add: [NET_BIND_SERVICE]
      `,
    },
    messages: {
      dangerous: '{{container}} adds the capability {{capability}}, outside the baseline Pod Security Standard',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const allowed = new Set([...BASELINE_CAPABILITIES, ...ctx.options.allowed]);
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const add = asArray(asObject(asObject(c.container.securityContext)?.capabilities)?.add);
      add.forEach((cap, i) => {
        if (typeof cap === 'string' && !allowed.has(cap)) {
          ctx.report({
            pointer: `${c.pointer}/securityContext/capabilities/add/${i}`,
            messageId: 'dangerous',
            data: { container: describeContainer(c), capability: cap },
          });
        }
      });
    }
  },
});
