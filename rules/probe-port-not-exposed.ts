import { judgedContainers } from '../src/lint/judged-containers.js';
import { declaredPorts, declaresPort, describePort, portsAreReadable } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';
import { portReference } from '../src/model/target-port.js';

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export default defineRule({
  meta: {
    id: 'probe-port-not-exposed',
    category: 'probes',
    severity: 'error',
    description:
      'A probe checks a port that the container does not declare (by name), or that no container of the pod declares (by number).',
    rationale:
      'The kubelet resolves a named probe port among the ports of the container itself; when the name is not there the probe fails every time, so the container never becomes ready or is restarted in a loop. A numeric port that the pod declares nowhere, while it declares others, is usually a typo.',
    remediation:
      'Point the probe at a port the container declares in `ports[]` (by its name or number), or declare the port.',
    target: 'pod-templates',
    notes: 'Numeric ports are only checked when the pod declares at least one port, since declaring ports is optional.',
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
      numberedPortMissing: '{{container}}: {{probe}} uses port {{port}}, which no container of the pod declares',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const all = judgedContainers(ctx.podTemplate);
    const podDeclaresPorts = all.some((c) => declaredPorts(c).length > 0);
    // Ports written with the wrong type leave unknown which ports are declared.
    const podPortsReadable = all.every(portsAreReadable);
    for (const c of all) {
      for (const probe of PROBES) {
        for (const handler of HANDLERS) {
          const value = asObject(asObject(c.container[probe])?.[handler])?.port;
          const ref = portReference(value);
          if (!ref) continue;
          const pointer = `${c.pointer}/${probe}/${handler}/port`;
          const data = { container: describeContainer(c), probe, port: describePort(ref) };
          if ('name' in ref && portsAreReadable(c) && !declaresPort([c], ref)) {
            ctx.report({ pointer, messageId: 'namedPortMissing', data });
          } else if ('number' in ref && podDeclaresPorts && podPortsReadable && !declaresPort(all, ref)) {
            ctx.report({ pointer, messageId: 'numberedPortMissing', data });
          }
        }
      }
    }
  },
});
