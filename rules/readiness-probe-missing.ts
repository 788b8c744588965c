import { describeRef } from '../src/model/object-ref.js';
import { declaresTargetPort } from '../src/lint/ports.js';
import { fieldOf, isPlainObject } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_SERVICE } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { servicePorts, servicesTargeting } from '../src/lint/service-targets.js';
import { type ContainerEntry, describeContainer } from '../src/model/containers.js';

export default defineRule({
  meta: {
    id: 'readiness-probe-missing',
    category: 'probes',
    severity: 'warning',
    profile: 'all',
    description: 'A container that a Service sends traffic to has no readiness probe.',
    rationale:
      'Without a readiness probe a pod counts as ready as soon as its containers start, so the Service routes requests to it while the application is still starting, and keeps routing to it when it cannot serve. Pods that no Service targets (workers, jobs) do not need one, and this rule leaves them alone.',
    remediation:
      'Add a `readinessProbe` that succeeds only when the container can serve requests (an HTTP health endpoint, or a TCP check of the served port).',
    target: 'pod-templates',
    notes:
      "Only pods selected by a Service of the input are checked. In a pod with several containers, the containers that declare one of the Service's target ports need the probe; when no container declares them, every container does.",
    example: {
      invalid: [
        yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            namespace: shop
          spec:
            replicas: 2
            selector:
              matchLabels:
                app: web
            template:
              metadata:
                labels:
                  app: web
              spec:
                containers:
                  - name: web
                    image: registry.example.com/shop/web:2.0.1
                    ports:
                      - name: http
                        containerPort: 8080
        `,
        WEB_SERVICE,
      ].join('---\n'),
      valid: [WEB_DEPLOYMENT, WEB_SERVICE].join('---\n'),
    },
    messages: {
      noReadinessProbe:
        '{{container}} has no readiness probe, but {{services}} sends it traffic: requests reach it before it can serve them',
    },
  },
  check(ctx) {
    // Stryker disable next-line ConditionalExpression: an object without a pod template is in no Service's pods, so servicesTargeting gives none and the rule returns just below
    if (!ctx.podTemplate) return;
    const services = servicesTargeting(ctx.index, ctx.manifest);
    if (services.length === 0) return;
    const containers = judgedContainers(ctx.podTemplate, ['containers']);
    // The containers that serve a target port; all of them when no container declares one.
    const serving = new Set<ContainerEntry>();
    for (const service of services) {
      for (const p of servicePorts(service)) {
        for (const c of containers) if (declaresTargetPort(c, p)) serving.add(c);
      }
    }
    const names = services.map((s) => describeRef(s.ref)).join(', ');
    for (const c of serving.size ? containers.filter((c) => serving.has(c)) : containers) {
      // A probe of the wrong type is the schema's finding, not a missing probe.
      if (fieldOf(c.container, ['readinessProbe'], isPlainObject) === undefined) {
        ctx.report({
          pointer: c.pointer,
          messageId: 'noReadinessProbe',
          data: { container: describeContainer(c), services: names },
        });
      }
    }
  },
});
