import { defineRule } from '../src/lint/rule.js';
import { indexedObjectsIn } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'host-port',
    category: 'security',
    severity: 'warning',
    description: 'A container binds a port on the node (`ports[].hostPort`).',
    rationale:
      'A hostPort opens the port on the node itself, bypassing Services and NetworkPolicies, and only one pod per node can hold it: extra replicas stay Pending. The baseline Pod Security Standard forbids host ports.',
    remediation:
      'Remove `hostPort` and expose the port through a Service (NodePort or LoadBalancer if it must be reachable from outside).',
    target: 'pod-templates',
    example: { invalid: 'ports:\n  - containerPort: 8080\n    hostPort: 80', valid: 'ports:\n  - containerPort: 8080' },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of indexedObjectsIn(c.container.ports)) {
        if (typeof item.hostPort === 'number' && item.hostPort !== 0) {
          ctx.report(
            `${c.pointer}/ports/${index}/hostPort`,
            `${describeContainer(c)} binds port ${item.hostPort} on the node (hostPort): one such pod per node, outside NetworkPolicies`,
          );
        }
      }
    }
  },
});
