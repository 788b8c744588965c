import { fieldOf, isPlainObject } from '../src/lint/field-of.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';
import { SERVING_WORKLOADS } from '../src/model/workload-kinds.js';

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    category: 'probes',
    severity: 'warning',
    profile: 'all',
    description: 'A container of a long-running workload has no liveness probe.',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its process exits. A deadlocked or wedged process stays up forever, holding its replica slot while serving nothing.',
    remediation:
      'Add a `livenessProbe` that fails only when the process cannot recover by itself (a cheap endpoint that does not depend on downstream services), with a period and threshold generous enough to ride out slow moments.',
    target: 'pod-templates',
    notes:
      'Checked for Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers and Rollouts; Jobs, CronJobs and bare Pods run to completion or are managed by hand and are not checked.',
    example: {
      invalid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: registry.example.com/shop/api:1.8.2
                  readinessProbe:
                    httpGet: {path: /ready, port: 8080}
      `,
      valid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: registry.example.com/shop/api:1.8.2
                  readinessProbe:
                    httpGet: {path: /ready, port: 8080}
                  livenessProbe:
                    httpGet: {path: /live, port: 8080}
      `,
    },
    messages: { noLivenessProbe: '{{container}} has no liveness probe: if it hangs, nothing restarts it' },
  },
  check(ctx) {
    if (!ctx.podTemplate || !SERVING_WORKLOADS.has(ctx.kind)) return;
    for (const c of judgedContainers(ctx.podTemplate, ['containers'])) {
      // A probe of the wrong type (`livenessProbe: true`) is the schema's finding, not a missing probe.
      if (fieldOf(c.container, ['livenessProbe'], isPlainObject) !== undefined) continue;
      ctx.report({ pointer: c.pointer, messageId: 'noLivenessProbe', data: { container: describeContainer(c) } });
    }
  },
});
