import { defineRule } from '../src/lint/rule.js';
import { isBoolean, WRONG_TYPE } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { containerSetting, isWindowsPod } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'read-only-root-filesystem-missing',
    category: 'security',
    severity: 'warning',
    profile: 'all',
    description: 'A container does not set `readOnlyRootFilesystem: true`.',
    rationale:
      'A writable root filesystem lets an attacker, or a bug, change the binaries and configuration of the running container, and lets files grow unseen on the node. Writable paths the application needs belong in volumes (`emptyDir`).',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the application writes (e.g. `/tmp`).',
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
          volumes:
            - name: tmp
              emptyDir: {}
          containers:
            - name: web
              image: nginx:1.27.3
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
              volumeMounts:
                - name: tmp
                  mountPath: /tmp
      `,
    },
    messages: {
      writable: '{{container}} has a writable root filesystem (readOnlyRootFilesystem is not true)',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || isWindowsPod(ctx.podTemplate)) return;
    for (const c of judgedContainers(ctx.podTemplate)) {
      const value = containerSetting(c, 'readOnlyRootFilesystem', isBoolean);
      if (value === true || value === WRONG_TYPE) continue;
      ctx.report({
        pointer: `${c.pointer}/securityContext/readOnlyRootFilesystem`,
        messageId: 'writable',
        data: { container: describeContainer(c) },
      });
    }
  },
});
