import { defineRule } from '../src/lint/rule.js';
import { containersOf, describeContainer } from '../src/model/containers.js';
import { SERVING_WORKLOADS } from '../src/model/workload-kinds.js';

export default defineRule({
  meta: {
    id: 'liveness-probe-missing',
    category: 'probes',
    severity: 'warning',
    description: 'A container of a long-running workload has no liveness probe.',
    rationale:
      'Without a liveness probe the kubelet restarts a container only when its process exits. A deadlocked or wedged process stays up forever, holding its replica slot while serving nothing.',
    remediation:
      'Add a `livenessProbe` that fails only when the process cannot recover by itself (a cheap endpoint that does not depend on downstream services), with a period and threshold generous enough to ride out slow moments.',
    target: 'pod-templates',
    notes:
      'Checked for Deployments, ReplicaSets, StatefulSets, DaemonSets, ReplicationControllers and Rollouts; Jobs, CronJobs and bare Pods run to completion or are managed by hand and are not checked.',
    example: {
      invalid:
        'containers:\n  - name: api\n    image: shop/api:1.8.2\n    readinessProbe:\n      httpGet: {path: /ready, port: 8080}',
      valid:
        'containers:\n  - name: api\n    image: shop/api:1.8.2\n    readinessProbe:\n      httpGet: {path: /ready, port: 8080}\n    livenessProbe:\n      httpGet: {path: /live, port: 8080}',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate || !SERVING_WORKLOADS.has(ctx.kind)) return;
    for (const c of containersOf(ctx.podTemplate, ['containers'])) {
      if (c.container.livenessProbe === undefined)
        ctx.report(c.pointer, `${describeContainer(c)} has no liveness probe: if it hangs, nothing restarts it`);
    }
  },
});
