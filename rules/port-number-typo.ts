import { judgedContainers } from '../src/lint/judged-containers.js';
import { declaredPorts, describePort, portsAreReadable, probePorts } from '../src/lint/ports.js';
import { defineRule } from '../src/lint/rule.js';
import { serviceContainers, servicePorts, targetPortPointer } from '../src/lint/service-targets.js';
import { yaml } from '../src/lint/yaml-example.js';
import { type ContainerEntry, describeContainer } from '../src/model/containers.js';
import { servicePortTarget } from '../src/model/target-port.js';
import { isSwap } from '../src/validate/suggest.js';

/** The port numbers the containers declare; undefined when some container's ports cannot be read. */
function declaredNumbers(containers: readonly ContainerEntry[]): number[] | undefined {
  if (!containers.every(portsAreReadable)) return undefined;
  // Stryker disable next-line ArrayDeclaration: a string in the list never equals a port number nor is its digits swapped, so intendedPort finds the same
  return containers.flatMap((c) => declaredPorts(c).flatMap((p) => p.containerPort ?? []));
}

/**
 * The declared port a number was probably meant to be: one with two neighbouring digits
 * swapped (8008 for 8080). Any other undeclared number is most likely a port the container
 * serves without declaring it, which works (the kubelet and the Service reach the pod's IP
 * whatever `ports[]` says): on real repositories, numbers a digit away from a declared port
 * (8081 beside 8080, 8443 beside 9443, 18080 beside 8080) were such ports, not typos.
 */
function intendedPort(port: number, declared: readonly number[] | undefined): number | undefined {
  if (!declared || declared.includes(port)) return undefined;
  return declared.find((d) => isSwap(String(port), String(d)));
}

/** The example: a Pod declaring port 8080 whose readiness probe uses `port`. */
function webPodProbing(port: number): string {
  return yaml`
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
              port: ${port}
  `;
}

export default defineRule({
  meta: {
    id: 'port-number-typo',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description:
      'A probe or a Service targetPort uses a port number that no container declares, a declared one with two digits swapped.',
    rationale:
      'Declaring a port is optional: a probe or a Service reaches any port the container listens on, declared or not, so an undeclared number alone proves nothing. But 8008 next to a declared 8080 is most likely a typo, and the probe then fails or the Service sends traffic to a closed port. Other undeclared numbers (8081 beside 8080) are usually ports served without being declared, and are not reported.',
    remediation: 'Use the declared port, or declare the port the container really serves.',
    target: 'all',
    notes:
      'Named ports that are not declared are errors of `probe-port-not-exposed` and `service-target-port-missing`: a name only resolves among declared ports.',
    example: {
      invalid: webPodProbing(8008),
      valid: webPodProbing(8080),
    },
    messages: {
      probe:
        '{{container}}: {{probe}} uses port {{port}}, which no container of the pod declares; did you mean {{intended}}?',
      targetPort:
        'targetPort {{port}} is declared by none of the containers the Service selects; did you mean {{intended}}?',
    },
  },
  check(ctx) {
    if (ctx.podTemplate) {
      const all = judgedContainers(ctx.podTemplate);
      const declared = declaredNumbers(all);
      for (const c of all)
        for (const { probe, ref, pointer } of probePorts(c)) {
          const intended = 'number' in ref ? intendedPort(ref.number, declared) : undefined;
          if (intended)
            ctx.report({
              pointer,
              messageId: 'probe',
              data: { container: describeContainer(c), probe, port: describePort(ref), intended: String(intended) },
            });
        }
    }
    if (ctx.kind !== 'Service') return;
    const declared = declaredNumbers(serviceContainers(ctx.index, ctx.manifest));
    for (const p of servicePorts(ctx.manifest)) {
      const ref = servicePortTarget(p);
      const intended = ref && 'number' in ref ? intendedPort(ref.number, declared) : undefined;
      if (!intended) continue;
      ctx.report({
        pointer: targetPortPointer(p),
        messageId: 'targetPort',
        data: { port: describePort(ref!), intended: String(intended) },
      });
    }
  },
});
