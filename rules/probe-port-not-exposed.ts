import { judgedContainers } from '../src/lint/judged-containers.js';
import { declaresPort, describePort, portsAreReadable, probePorts } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    category: 'probes',
    severity: 'error',
    profile: 'default',
    description: 'A probe checks a port by a name that the container does not declare.',
    rationale:
      'The kubelet resolves a named probe port among the ports of the container itself; when the name is not there the probe fails every time, so the container never becomes ready or is restarted in a loop.',
    remediation:
      'Name a port the container declares in `ports[]`, declare the port under that name, or use its number.',
    target: 'pod-templates',
    notes:
      'A numeric port needs no declaration (the kubelet probes the pod IP on that port); `port-number-typo` warns about a number that is a declared one with two digits swapped.',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/shop/web:2.0.1
              ports:
                - name: http
                  containerPort: 8080
              readinessProbe:
                httpGet:
                  path: /ready
                  port: web
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/shop/web:2.0.1
              ports:
                - name: http
                  containerPort: 8080
              readinessProbe:
                httpGet:
                  path: /ready
                  port: http
      `,
    },
    messages: {
      namedPortMissing:
        '{{container}}: {{probe}} uses port {{port}}, which the container does not declare: the probe always fails',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate)) {
      // Ports written with the wrong type leave unknown which ports are declared.
      if (!portsAreReadable(c)) continue;
      for (const { probe, ref, pointer } of probePorts(c)) {
        if (!('name' in ref) || declaresPort([c], ref)) continue;
        ctx.report({
          pointer,
          messageId: 'namedPortMissing',
          data: { container: describeContainer(c), probe, port: describePort(ref) },
        });
      }
    }
  },
});
