import { defineRule } from '../src/lint/rule.js';

const FIELDS = { hostNetwork: 'network', hostPID: 'process', hostIPC: 'IPC' } as const;

export default defineRule({
  meta: {
    id: 'host-namespace',
    category: 'security',
    severity: 'error',
    description: "A pod shares the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`).",
    rationale:
      "A pod in the host's namespaces sees every process, socket or shared-memory segment of the node and can talk to services bound to localhost; it bypasses NetworkPolicies. The baseline Pod Security Standard forbids all three.",
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false); expose ports with a Service instead of the host network.',
    target: 'pod-templates',
    example: { invalid: 'spec:\n  hostNetwork: true\n  containers: [...]', valid: 'spec:\n  containers: [...]' },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const [field, what] of Object.entries(FIELDS)) {
      if (ctx.podTemplate.spec[field] === true) {
        ctx.report(
          `${ctx.podTemplate.specPointer}/${field}`,
          `the pod shares the node's ${what} namespace (${field}: true), forbidden by the baseline Pod Security Standard`,
        );
      }
    }
  },
});
