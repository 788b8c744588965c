import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { indexedObjectsIn } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'host-port',
    category: 'security',
    severity: 'warning',
    profile: 'default',
    description: 'A container binds a port on the node (`ports[].hostPort`).',
    rationale:
      'A hostPort opens the port on the node itself, bypassing Services and NetworkPolicies, and only one pod per node can hold it: extra replicas stay Pending. The baseline Pod Security Standard forbids host ports.',
    remediation:
      'Remove `hostPort` and expose the port through a Service (NodePort or LoadBalancer if it must be reachable from outside).',
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
              ports:
                - containerPort: 8080
                  hostPort: 80
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
              ports:
                - containerPort: 8080
      `,
    },
    messages: {
      hostPort:
        '{{container}} binds port {{port}} on the node (hostPort): one such pod per node, outside NetworkPolicies',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of indexedObjectsIn(c.container.ports)) {
        if (Number.isInteger(item.hostPort) && item.hostPort !== 0) {
          ctx.report({
            pointer: `${c.pointer}/ports/${index}/hostPort`,
            messageId: 'hostPort',
            data: { container: describeContainer(c), port: item.hostPort as number },
          });
        }
      }
    }
  },
});
