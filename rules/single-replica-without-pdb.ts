import { pushTo } from '../src/model/maps.js';
import { describeRef, namespaceOf } from '../src/model/object-ref.js';
import type { Manifest } from '../src/model/manifest.js';
import { disruptionBudgetSelector } from '../src/model/selectors/consumers.js';
import { type Selector, selectorMatches } from '../src/model/selectors/label-selector.js';
import type { ObjectIndex } from '../src/lint/object-index.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_PDB } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { REPLICATED_WORKLOADS } from '../src/model/workload-kinds.js';
import { autoscalerOf, expectedReplicas } from '../src/lint/workload-replicas.js';

/** True when a PodDisruptionBudget of the input selects the pod template's labels. */
function hasDisruptionBudget(
  index: ObjectIndex,
  workload: Manifest,
  labels: Readonly<Record<string, string>>,
): boolean {
  // Stryker disable next-line StringLiteral: the key only has to differ from other memos' keys; any other string does
  const byNamespace = index.memo('pdb-selectors-by-namespace', () => {
    const map = new Map<string, Selector[]>();
    for (const pdb of index.ofKind('PodDisruptionBudget.policy')) {
      const read = disruptionBudgetSelector(pdb.object);
      // Stryker disable next-line ConditionalExpression: a budget whose selector is not set reads as the selector that matches nothing, so keeping it changes no answer; leaving it out only saves the match
      if (read.state === 'set') pushTo(map, namespaceOf(pdb.object), read.selector);
    }
    return map;
  });
  const selectors = byNamespace.get(namespaceOf(workload.object));
  // biome-ignore lint/complexity/useOptionalChain: `?.` would return undefined where a boolean is due
  return selectors !== undefined && selectors.some((selector) => selectorMatches(selector, labels));
}

export default defineRule({
  meta: {
    id: 'single-replica-without-pdb',
    category: 'workloads',
    severity: 'warning',
    profile: 'all',
    description: 'A workload runs a single replica and no PodDisruptionBudget covers it.',
    rationale:
      'With one replica, every node drain, cluster upgrade or autoscaler scale-down takes the application down until the pod is rescheduled and ready again. A second replica avoids the outage; a PodDisruptionBudget at least makes the disruption an explicit decision.',
    remediation:
      'Run at least two replicas (with a PodDisruptionBudget of `maxUnavailable: 1`); for a workload that must stay single, add a PodDisruptionBudget or suppress the finding with a reason.',
    target: [...REPLICATED_WORKLOADS],
    notes:
      'When a HorizontalPodAutoscaler of the input scales the workload, its `minReplicas` (default 1) counts instead of `spec.replicas`.',
    example: {
      invalid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 1
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
                  readinessProbe:
                    httpGet:
                      path: /ready
                      port: http
      `,
      valid: [WEB_DEPLOYMENT, WEB_PDB].join('---\n'),
    },
    messages: {
      singleReplica:
        'this {{kind}} runs a single replica and no PodDisruptionBudget covers it: a node drain takes the application down',
      autoscaledToOne:
        '{{autoscaler}} may scale this {{kind}} down to 1 replica and no PodDisruptionBudget covers it: a node drain takes the application down',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t || expectedReplicas(ctx.index, ctx.manifest) !== 1) return;
    if (hasDisruptionBudget(ctx.index, ctx.manifest, t.labels)) return;
    const hpa = autoscalerOf(ctx.index, ctx.manifest);
    const kind = ctx.manifest.ref.kind;
    if (hpa)
      ctx.report({
        pointer: '/spec',
        messageId: 'autoscaledToOne',
        data: { autoscaler: describeRef(hpa.ref), kind },
      });
    else ctx.report({ pointer: '/spec/replicas', messageId: 'singleReplica', data: { kind } });
  },
});
