import { declaresTargetPort, describePort, portsAreReadable } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_SERVICE } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { podsOfService, serviceContainers, servicePorts, targetPortPointer } from '../src/lint/service-targets.js';
import { protocolOf, servicePortTarget } from '../src/model/target-port.js';

export default defineRule({
  meta: {
    id: 'service-target-port-missing',
    category: 'references',
    severity: 'error',
    profile: 'default',
    description: "A Service's `targetPort` names a port that none of the containers it selects declares.",
    rationale:
      'A named targetPort resolves to a container port of that name in each selected pod; when no container has it, the pod is left out of the endpoints for that port, and traffic to it goes nowhere.',
    remediation: 'Use the name of a port the selected containers declare in `ports[]`, or its number.',
    target: ['Service'],
    notes:
      'A numeric target port needs no declaration (traffic goes to the pod IP on that port); `port-number-typo` warns about a number that is a declared one with two digits swapped. Services that select no pod template of the input are left to `service-selector-no-pods`.',
    example: {
      invalid: [
        WEB_DEPLOYMENT,
        yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            namespace: shop
          spec:
            selector:
              app: web
            ports:
              - name: http
                port: 80
                targetPort: web
        `,
      ].join('---\n'),
      valid: [WEB_DEPLOYMENT, WEB_SERVICE].join('---\n'),
    },
    messages: {
      namedPortMissing:
        'targetPort {{target}} is not declared by any container the Service selects: the port has no endpoints',
    },
  },
  check(ctx) {
    if (podsOfService(ctx.index, ctx.manifest).length === 0) return;
    // Named ports are looked up in app containers and sidecars, matching the Service port's
    // protocol, as the endpoint slice controller does (model/target-port.ts).
    const containers = serviceContainers(ctx.index, ctx.manifest);
    // Ports written with the wrong type leave unknown which ports the pods declare.
    if (!containers.every(portsAreReadable)) return;
    for (const p of servicePorts(ctx.manifest)) {
      const ref = servicePortTarget(p);
      if (!ref || !('name' in ref) || containers.some((c) => declaresTargetPort(c, p))) continue;
      const protocol = protocolOf(p);
      const target = protocol !== 'TCP' ? `${describePort(ref)} (${String(protocol)})` : describePort(ref);
      ctx.report({ pointer: targetPortPointer(p), messageId: 'namedPortMissing', data: { target } });
    }
  },
});
