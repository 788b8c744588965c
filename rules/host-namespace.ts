import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

const FIELDS = { hostNetwork: 'network', hostPID: 'process', hostIPC: 'IPC' } as const;

export default defineRule({
  meta: {
    id: 'host-namespace',
    category: 'security',
    severity: 'error',
    profile: 'default',
    description: "A pod shares the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`).",
    rationale:
      "A pod in the host's namespaces sees every process, socket or shared-memory segment of the node and can talk to services bound to localhost; it bypasses NetworkPolicies. The baseline Pod Security Standard forbids all three.",
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false); expose ports with a Service instead of the host network.',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostNetwork: true
          containers:
            - name: web
              image: nginx:1.27.3
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
      `,
    },
    messages: {
      hostNamespace:
        "the pod shares the node's {{namespace}} namespace ({{field}}: true), forbidden by the baseline Pod Security Standard",
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const [field, what] of Object.entries(FIELDS)) {
      if (ctx.podTemplate.spec[field] === true) {
        ctx.report({
          pointer: `${ctx.podTemplate.specPointer}/${field}`,
          messageId: 'hostNamespace',
          data: { namespace: what, field },
        });
      }
    }
  },
});
