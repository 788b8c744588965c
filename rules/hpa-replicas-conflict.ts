import { describeRef } from '../src/model/object-ref.js';
import { defineRule } from '../src/lint/rule.js';
import { REPLICATED_WORKLOADS } from '../src/model/workload-kinds.js';
import { asObject } from '../src/model/json.js';
import { autoscalerOf } from '../src/lint/workload-replicas.js';
import { API_DEPLOYMENT, API_HPA } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'hpa-replicas-conflict',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
    description: 'A workload scaled by a HorizontalPodAutoscaler also sets `spec.replicas`.',
    rationale:
      'The autoscaler owns the replica count. A `replicas` field in the manifest resets it on every apply: a workload scaled up for load drops back to the written number, and pods are killed mid-traffic until the autoscaler reacts again.',
    remediation: 'Remove `spec.replicas` from the manifest and let `minReplicas` of the autoscaler set the floor.',
    target: [...REPLICATED_WORKLOADS],
    example: {
      invalid: [
        yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: api
            namespace: shop
          spec:
            replicas: 3
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
        `,
        API_HPA,
      ].join('---\n'),
      valid: [API_DEPLOYMENT, API_HPA].join('---\n'),
    },
    messages: {
      conflict: '{{autoscaler}} scales this {{kind}}, but spec.replicas resets the count on every apply; remove it',
    },
  },
  check(ctx) {
    // The conflict is that replicas is written at all: even a value of the wrong type ("2", which
    // the schema reports) is set, and still will be once its type is fixed. A spec that is not an
    // object holds no replicas.
    const replicas = asObject(ctx.object.spec)?.replicas;
    if (replicas === undefined || replicas === null) return;
    const hpa = autoscalerOf(ctx.index, ctx.manifest);
    if (hpa)
      ctx.report({
        pointer: '/spec/replicas',
        messageId: 'conflict',
        data: { autoscaler: describeRef(hpa.ref), kind: ctx.manifest.ref.kind },
      });
  },
});
