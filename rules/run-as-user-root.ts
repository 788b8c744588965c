import { defineRule } from '../src/lint/rule.js';
import { isInteger } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { effectiveSetting } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'run-as-user-root',
    category: 'security',
    severity: 'error',
    profile: 'restricted',
    description: 'A container runs as user 0 (root), set with `runAsUser: 0` on it or on the pod.',
    rationale:
      'User 0 is root: a process that escapes the container is root on the node. The restricted Pod Security Standard forbids `runAsUser: 0`, and `runAsNonRoot: true` makes the kubelet refuse to start such a container.',
    remediation: 'Run as an unprivileged user: set `runAsUser` to a non-zero id (e.g. 10001) that the image supports.',
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
              image: registry.example.com/web:1.4.0
              securityContext:
                runAsUser: 0
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
              securityContext:
                runAsUser: 10001
                runAsNonRoot: true
      `,
    },
    messages: {
      podRoot: 'the pod runs its containers as root (runAsUser: 0), {{container}} included',
      containerRoot: '{{container}} runs as root (runAsUser: 0)',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    // A pod-level 0 is reported once, at the pod, when at least one container inherits it.
    let podLevelReported = false;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(ctx.podTemplate, c, 'runAsUser', isInteger);
      if (setting.value !== 0) continue;
      const data = { container: describeContainer(c) };
      if (setting.source === 'pod') {
        if (!podLevelReported) ctx.report({ pointer: setting.pointer, messageId: 'podRoot', data });
        podLevelReported = true;
      } else {
        ctx.report({ pointer: setting.pointer, messageId: 'containerRoot', data });
      }
    }
  },
});
