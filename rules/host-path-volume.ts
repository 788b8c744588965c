import { defineRule } from '../src/lint/rule.js';
import { asObject, asString, indexedObjectsIn } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    category: 'security',
    severity: 'warning',
    description: 'A pod mounts a directory of the node (`hostPath` volume).',
    rationale:
      "A hostPath volume gives the pod the node's files: reading other pods' secrets under /var/lib/kubelet, or writing to the container runtime's socket, is a node takeover. The data also stays on one node, so the pod loses it when it moves. The baseline Pod Security Standard forbids hostPath volumes.",
    remediation:
      'Use a PersistentVolumeClaim, `emptyDir`, ConfigMap or Secret volume; node agents that need host files belong in a namespace with a privileged policy (suppress the finding there with a reason).',
    target: 'pod-templates',
    example: {
      invalid: 'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log',
      valid: 'volumes:\n  - name: logs\n    emptyDir: {}',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const { item, index } of indexedObjectsIn(ctx.podTemplate.spec.volumes)) {
      const hostPath = asObject(item.hostPath);
      if (!hostPath) continue;
      const path = asString(hostPath.path);
      ctx.report(
        `${ctx.podTemplate.specPointer}/volumes/${index}/hostPath`,
        `volume "${asString(item.name) ?? ''}" mounts ${path ? `the node's ${path}` : 'a node directory'} (hostPath), forbidden by the baseline Pod Security Standard`,
      );
    }
  },
});
