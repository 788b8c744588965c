import { defineRule } from '../src/lint/rule.js';
import { isPlainObject } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { effectiveSetting, isWindowsPod } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'seccomp-profile-missing',
    category: 'security',
    severity: 'warning',
    profile: 'restricted',
    description:
      'A container runs without a seccomp profile (`seccompProfile` unset on it and on the pod) or with `Unconfined`.',
    rationale:
      'A seccomp profile blocks the system calls containers never need, many of them the entry points of kernel exploits. Unless set, containers run unconfined on most clusters. The baseline Pod Security Standard forbids `Unconfined`; the restricted one requires `RuntimeDefault` or `Localhost`.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.',
    notes:
      'Windows pods (`spec.os.name: windows`) are not checked: the restricted standard exempts them, and the API server refuses a seccomp profile on them.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
      `,
    },
    messages: {
      unset:
        'no seccomp profile for {{containers}}: set seccompProfile.type RuntimeDefault on the pod (required by the restricted Pod Security Standard)',
      unconfined:
        '{{container}} runs with the Unconfined seccomp profile, forbidden by the baseline Pod Security Standard',
      unconfinedByPod:
        '{{container}} runs with the Unconfined seccomp profile (from the pod), forbidden by the baseline Pod Security Standard',
    },
  },
  check(ctx) {
    // Seccomp is a Linux kernel feature: the restricted standard exempts Windows pods (from 1.25).
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    // Unset everywhere is reported once, at the pod, where one line fixes every container.
    const unset: string[] = [];
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      // A securityContext or seccompProfile of the wrong type is 'wrong-type': neither unset nor Unconfined.
      const setting = effectiveSetting(ctx.podTemplate, c, 'seccompProfile', isPlainObject);
      if (setting.source === 'unset') unset.push(describeContainer(c));
      else if (asObject(setting.value)?.type === 'Unconfined')
        ctx.report({
          pointer: `${setting.pointer}/type`,
          messageId: setting.source === 'pod' ? 'unconfinedByPod' : 'unconfined',
          data: { container: describeContainer(c) },
        });
    }
    if (unset.length) {
      ctx.report({
        pointer: `${ctx.podTemplate.specPointer}/securityContext/seccompProfile`,
        messageId: 'unset',
        data: { containers: unset.join(', ') },
      });
    }
  },
});
