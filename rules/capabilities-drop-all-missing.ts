import { fieldOf, isList, WRONG_TYPE } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { isWindowsPod } from '../src/lint/security-context.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'capabilities-drop-all-missing',
    category: 'security',
    severity: 'warning',
    profile: 'restricted',
    description: 'A container does not drop all Linux capabilities (`capabilities.drop: [ALL]`).',
    rationale:
      'Container runtimes grant a default set of capabilities (CHOWN, NET_RAW, SETUID, ...) that most applications never use; each one widens what an attacker can do. The restricted Pod Security Standard requires dropping ALL and adding back only `NET_BIND_SERVICE`.',
    remediation: 'Set `securityContext.capabilities.drop: [ALL]`, and add back only what the process needs.',
    target: 'pod-templates',
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
                allowPrivilegeEscalation: false
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
                allowPrivilegeEscalation: false
                capabilities:
                  drop: [ALL]
      `,
    },
    messages: {
      notDropped: "{{container}} keeps the runtime's default capabilities: capabilities.drop does not include ALL",
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const drop = fieldOf(c.container, ['securityContext', 'capabilities', 'drop'], isList);
      if (drop === WRONG_TYPE || drop?.includes('ALL')) continue;
      ctx.report({
        pointer: `${c.pointer}/securityContext/capabilities/drop`,
        messageId: 'notDropped',
        data: { container: describeContainer(c) },
      });
    }
  },
});
