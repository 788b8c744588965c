import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, asString, indexedObjectsIn } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'host-path-volume',
    category: 'security',
    severity: 'warning',
    profile: 'default',
    description: 'A pod mounts a directory of the node (`hostPath` volume).',
    rationale:
      "A hostPath volume gives the pod the node's files: reading other pods' secrets under /var/lib/kubelet, or writing to the container runtime's socket, is a node takeover. The data also stays on one node, so the pod loses it when it moves. The baseline Pod Security Standard forbids hostPath volumes.",
    remediation:
      'Use a PersistentVolumeClaim, `emptyDir`, ConfigMap or Secret volume; node agents that need host files belong in a namespace with a privileged policy (suppress the finding there with a reason).',
    target: 'pod-templates',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: shipper
        spec:
          volumes:
            - name: logs
              hostPath:
                path: /var/log
          containers:
            - name: shipper
              image: registry.example.com/shipper:1.2.0
              volumeMounts:
                - name: logs
                  mountPath: /logs
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: shipper
        spec:
          volumes:
            - name: logs
              emptyDir: {}
          containers:
            - name: shipper
              image: registry.example.com/shipper:1.2.0
              volumeMounts:
                - name: logs
                  mountPath: /logs
      `,
    },
    messages: {
      hostPath:
        'volume "{{volume}}" mounts the node\'s {{path}} (hostPath), forbidden by the baseline Pod Security Standard',
      hostPathWithoutPath:
        'volume "{{volume}}" mounts a node directory (hostPath), forbidden by the baseline Pod Security Standard',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const { item, index } of indexedObjectsIn(ctx.podTemplate.spec.volumes)) {
      const hostPath = asObject(item.hostPath);
      if (!hostPath) continue;
      const path = asString(hostPath.path);
      const volume = asString(item.name) ?? '';
      ctx.report({
        pointer: `${ctx.podTemplate.specPointer}/volumes/${index}/hostPath`,
        ...(path
          ? { messageId: 'hostPath', data: { volume, path } }
          : { messageId: 'hostPathWithoutPath', data: { volume } }),
      });
    }
  },
});
