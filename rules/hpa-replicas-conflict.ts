import { describeRef } from '../src/model/object-ref.js';
import { defineRule } from '../src/lint/rule.js';
import { REPLICATED_WORKLOADS } from '../src/model/workload-kinds.js';
import { autoscalerOf } from '../src/lint/workload-replicas.js';
import { asObject } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'hpa-replicas-conflict',
    category: 'workloads',
    severity: 'warning',
    description: 'A workload scaled by a HorizontalPodAutoscaler also sets `spec.replicas`.',
    rationale:
      'The autoscaler owns the replica count. A `replicas` field in the manifest resets it on every apply: a workload scaled up for load drops back to the written number, and pods are killed mid-traffic until the autoscaler reacts again.',
    remediation: 'Remove `spec.replicas` from the manifest and let `minReplicas` of the autoscaler set the floor.',
    target: [...REPLICATED_WORKLOADS],
    example: {
      invalid:
        'kind: Deployment\nspec:\n  replicas: 3\n---\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
      valid:
        'kind: Deployment\nspec:\n  selector: ...\n---\nkind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 3\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}',
    },
  },
  check(ctx) {
    if (asObject(ctx.object.spec)?.replicas === undefined) return;
    const hpa = autoscalerOf(ctx.index, ctx.manifest);
    if (hpa)
      ctx.report(
        '/spec/replicas',
        `${describeRef(hpa.ref)} scales this ${ctx.manifest.ref.kind}, but spec.replicas resets the count on every apply; remove it`,
      );
  },
});
