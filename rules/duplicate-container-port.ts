import { declaredPorts } from '../src/lint/ports.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'duplicate-container-port',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
    description: 'A port number (with its protocol) is declared twice in a pod, or a port name twice in a container.',
    rationale:
      'Containers of a pod share one network namespace: two cannot listen on the same port and protocol, so one of them fails to start. The API server rejects repeated port names within a container, and a Service or probe that names the port gets the first one only.',
    remediation: 'Declare each port once: remove the duplicate or give it its own number and name.',
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
                - name: http
                  containerPort: 8080
            - name: exporter
              image: registry.example.com/exporter:0.15.0
              ports:
                - name: metrics
                  containerPort: 8080
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
                - name: http
                  containerPort: 8080
            - name: exporter
              image: registry.example.com/exporter:0.15.0
              ports:
                - name: metrics
                  containerPort: 9090
      `,
    },
    messages: {
      duplicateName: '{{container}} declares the port name "{{name}}" twice',
      duplicatePort: 'port {{port}} is already declared by {{first}}: containers of a pod share one network namespace',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const numbers = new Map<string, string>();
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers'])) {
      // Ordinary init containers run alone, before the others: their ports cannot clash.
      const shared = c.type === 'containers' || c.sidecar;
      const names = new Set<string>();
      for (const p of declaredPorts(c)) {
        if (p.name !== undefined) {
          if (names.has(p.name))
            ctx.report({
              pointer: `${p.pointer}/name`,
              messageId: 'duplicateName',
              data: { container: describeContainer(c), name: p.name },
            });
          names.add(p.name);
        }
        if (p.containerPort === undefined || p.protocol === undefined || !shared) continue;
        const key = `${p.containerPort}/${p.protocol}`;
        const first = numbers.get(key);
        if (first)
          ctx.report({ pointer: `${p.pointer}/containerPort`, messageId: 'duplicatePort', data: { port: key, first } });
        else numbers.set(key, describeContainer(c));
      }
    }
  },
});
