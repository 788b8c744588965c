import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, canonicalJson } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'probes-identical',
    category: 'probes',
    severity: 'warning',
    profile: 'all',
    description: "A container's liveness probe is the same as its readiness probe.",
    rationale:
      'Readiness answers "can it take traffic now?", liveness "must it be restarted?". When both are the same check, a container that is briefly overloaded or waiting on a dependency is restarted instead of only taken out of rotation, which turns a slowdown into an outage.',
    remediation:
      'Give the liveness probe its own, cheaper check (or a longer period and higher failure threshold) so it fails only when the process is truly stuck.',
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
                - {name: http, containerPort: 8080}
              readinessProbe:
                httpGet: {path: /healthz, port: http}
              livenessProbe:
                httpGet: {path: /healthz, port: http}
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
                - {name: http, containerPort: 8080}
              readinessProbe:
                httpGet: {path: /ready, port: http}
              livenessProbe:
                httpGet: {path: /live, port: http}
                periodSeconds: 20
      `,
    },
    messages: {
      identical:
        '{{container}}: the liveness probe is identical to the readiness probe, so a slow container is restarted instead of only taken out of rotation',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate)) {
      // Probes of the wrong type (`livenessProbe: true`) are not probes, whatever they equal.
      const livenessProbe = asObject(c.container.livenessProbe);
      const readinessProbe = asObject(c.container.readinessProbe);
      // Stryker disable next-line LogicalOperator: with only one probe the comparison below is of an object's canonical JSON with 'null', never equal
      if (!livenessProbe || !readinessProbe) continue;
      if (canonicalJson(livenessProbe) === canonicalJson(readinessProbe)) {
        ctx.report({
          pointer: `${c.pointer}/livenessProbe`,
          messageId: 'identical',
          data: { container: describeContainer(c) },
        });
      }
    }
  },
});
