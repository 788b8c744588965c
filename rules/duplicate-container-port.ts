import { declaredPorts } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'duplicate-container-port',
    category: 'workloads',
    severity: 'warning',
    description: 'A port number (with its protocol) is declared twice in a pod, or a port name twice in a container.',
    rationale:
      'Containers of a pod share one network namespace: two cannot listen on the same port and protocol, so one of them fails to start. The API server rejects repeated port names within a container, and a Service or probe that names the port gets the first one only.',
    remediation: 'Declare each port once: remove the duplicate or give it its own number and name.',
    target: 'pod-templates',
    example: {
      invalid: 'ports:\n  - name: http\n    containerPort: 8080\n  - name: metrics\n    containerPort: 8080',
      valid: 'ports:\n  - name: http\n    containerPort: 8080\n  - name: metrics\n    containerPort: 9090',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const numbers = new Map<string, string>();
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers'])) {
      // Ordinary init containers run alone, before the others: their ports cannot clash.
      const shared = c.type === 'containers' || c.sidecar;
      const names = new Set<string>();
      for (const p of declaredPorts(c)) {
        if (p.name !== undefined) {
          if (names.has(p.name))
            ctx.report(`${p.pointer}/name`, `${describeContainer(c)} declares the port name "${p.name}" twice`);
          names.add(p.name);
        }
        if (p.containerPort === undefined || !shared) continue;
        const key = `${p.containerPort}/${p.protocol}`;
        const first = numbers.get(key);
        if (first)
          ctx.report(
            `${p.pointer}/containerPort`,
            `port ${key} is already declared by ${first}: containers of a pod share one network namespace`,
          );
        else numbers.set(key, describeContainer(c));
      }
    }
  },
});
