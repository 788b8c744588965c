import { declaredPorts, declaresPort, describePort } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { asObject } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';
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
      invalid:
        'ports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: web',
      valid:
        'ports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet:\n    path: /ready\n    port: http',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const all = containersOf(ctx.podTemplate);
    const podDeclaresPorts = all.some((c) => declaredPorts(c).length > 0);
    for (const c of all) {
      for (const probe of PROBES) {
        for (const handler of HANDLERS) {
          const value = asObject(asObject(c.container[probe])?.[handler])?.port;
          const ref = portReference(value);
          if (!ref) continue;
          const pointer = `${c.pointer}/${probe}/${handler}/port`;
          if ('name' in ref && !declaresPort([c], ref)) {
            ctx.report(
              pointer,
              `${describeContainer(c)}: ${probe} uses port ${describePort(ref)}, which the container does not declare: the probe always fails`,
            );
          } else if ('number' in ref && podDeclaresPorts && !declaresPort(all, ref)) {
            ctx.report(
              pointer,
              `${describeContainer(c)}: ${probe} uses port ${ref.number}, which no container of the pod declares`,
            );
          }
        }
      }
    }
  },
});
