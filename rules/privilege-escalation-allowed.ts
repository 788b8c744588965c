import { defineRule } from '../src/lint/rule.js';
import { isBoolean, WRONG_TYPE } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { containerSetting, isWindowsPod } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'privilege-escalation-allowed',
    category: 'security',
    severity: 'warning',
    profile: 'restricted',
    description: 'A container does not set `allowPrivilegeEscalation: false`.',
    rationale:
      'Unless it is false, a process in the container can gain more privileges than its parent (through setuid binaries or file capabilities). The restricted Pod Security Standard requires it to be false.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
    target: 'pod-templates',
    notes: 'Windows pods (`spec.os.name: windows`) are not checked, as the restricted standard exempts them.',
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
                runAsNonRoot: true
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
                runAsNonRoot: true
                allowPrivilegeEscalation: false
      `,
    },
    messages: {
      notSet:
        '{{container}} does not set allowPrivilegeEscalation: false: its processes can gain privileges (the restricted Pod Security Standard requires false)',
      allowed:
        '{{container}} sets allowPrivilegeEscalation: true: its processes can gain privileges (the restricted Pod Security Standard requires false)',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const value = containerSetting(c, 'allowPrivilegeEscalation', isBoolean);
      if (value === false || value === WRONG_TYPE) continue;
      ctx.report({
        pointer: `${c.pointer}/securityContext/allowPrivilegeEscalation`,
        messageId: value === true ? 'allowed' : 'notSet',
        data: { container: describeContainer(c) },
      });
    }
  },
});
