import { defineRule } from '../src/lint/rule.js';
import { canonicalJson } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'probes-identical',
    category: 'probes',
    severity: 'warning',
    description: "A container's liveness probe is the same as its readiness probe.",
    rationale:
      'Readiness answers "can it take traffic now?", liveness "must it be restarted?". When both are the same check, a container that is briefly overloaded or waiting on a dependency is restarted instead of only taken out of rotation, which turns a slowdown into an outage.',
    remediation:
      'Give the liveness probe its own, cheaper check (or a longer period and higher failure threshold) so it fails only when the process is truly stuck.',
    target: 'pod-templates',
    example: {
      invalid:
        'readinessProbe:\n  httpGet: {path: /healthz, port: http}\nlivenessProbe:\n  httpGet: {path: /healthz, port: http}',
      valid:
        'readinessProbe:\n  httpGet: {path: /ready, port: http}\nlivenessProbe:\n  httpGet: {path: /live, port: http}\n  periodSeconds: 20',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate)) {
      const { livenessProbe, readinessProbe } = c.container;
      if (livenessProbe === undefined || readinessProbe === undefined) continue;
      if (canonicalJson(livenessProbe) === canonicalJson(readinessProbe)) {
        ctx.report(
          `${c.pointer}/livenessProbe`,
          `${describeContainer(c)}: the liveness probe is identical to the readiness probe, so a slow container is restarted instead of only taken out of rotation`,
        );
      }
    }
  },
});
