import { defineRule } from '../src/lint/rule.js';
import { isBoolean } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { containerSetting } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'privileged-container',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description: 'A container runs privileged (`securityContext.privileged: true`).',
    rationale:
      'A privileged container has every capability and access to all host devices: escaping to the node is trivial. The baseline Pod Security Standard forbids it, so a namespace enforcing baseline or restricted rejects the pod.',
    remediation:
      'Remove `privileged: true`; grant the one capability the container needs with `capabilities.add` instead.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: vpn
        spec:
          containers:
            - name: vpn
              image: registry.example.com/vpn:2.1.0
              securityContext:
                privileged: true
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: vpn
        spec:
          containers:
            - name: vpn
              image: registry.example.com/vpn:2.1.0
              securityContext:
                privileged: false
                capabilities:
                  add: [NET_BIND_SERVICE]
      `,
    },
    messages: {
      privileged:
        '{{container}} runs privileged: it has full access to the node (forbidden by the baseline Pod Security Standard)',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (containerSetting(c, 'privileged', isBoolean) === true) {
        ctx.report({
          pointer: `${c.pointer}/securityContext/privileged`,
          messageId: 'privileged',
          data: { container: describeContainer(c) },
        });
      }
    }
  },
});
