import { defineRule } from '../src/lint/rule.js';
import { isBoolean } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { effectiveSetting } from '../src/lint/security-context.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'run-as-non-root-missing',
    category: 'security',
    severity: 'warning',
    profile: 'restricted',
    description: 'Neither the container nor the pod sets `runAsNonRoot: true`.',
    rationale:
      'Many images run as root unless told otherwise; root in a container is one kernel bug away from root on the node. With `runAsNonRoot: true` the kubelet refuses to start a container whose user is root. The restricted Pod Security Standard requires it.',
    remediation:
      'Set `securityContext.runAsNonRoot: true` on the pod (or each container), with a non-zero `runAsUser` if the image does not set a user.',
    notes:
      'Windows pods (`spec.os.name: windows`) are checked too: the restricted standard requires `runAsNonRoot` on them, and the kubelet refuses to start a Windows container that would run as `ContainerAdministrator`.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          securityContext:
            runAsUser: 10001
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
            runAsUser: 10001
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
      `,
    },
    messages: {
      notRequired:
        '{{container}} is not required to run as non-root (runAsNonRoot is not true on it or on the pod): it may run as root',
      optedOut: '{{container}} sets runAsNonRoot: false: it may run as root',
      optedOutByPod: '{{container}} sets runAsNonRoot: false (from the pod): it may run as root',
    },
  },
  check(ctx) {
    // No Windows exemption: the restricted standard exempts Windows pods only from the Linux-only
    // controls (privilege escalation, seccomp, capabilities), and runAsNonRoot works on Windows.
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const setting = effectiveSetting(ctx.podTemplate, c, 'runAsNonRoot', isBoolean);
      if (setting.value === true || setting.source === 'wrong-type') continue;
      const messageId =
        setting.value === false ? (setting.source === 'pod' ? 'optedOutByPod' : 'optedOut') : 'notRequired';
      ctx.report({ pointer: setting.pointer, messageId, data: { container: describeContainer(c) } });
    }
  },
});
