import { pushTo } from '../src/model/maps.js';
import { describeRef } from '../src/model/object-ref.js';
import type { Manifest } from '../src/model/manifest.js';
import { namespaceOf } from '../src/lint/kinds.js';
import { parseLabelSelector, selectorMatches, type LabelSelector } from '../src/lint/label-selector.js';
import type { ObjectIndex } from '../src/lint/object-index.js';
import { defineRule } from '../src/lint/rule.js';
import { REPLICATED_WORKLOADS } from '../src/model/workload-kinds.js';
import { autoscalerOf, expectedReplicas } from '../src/lint/workload-replicas.js';
import { dig } from '../src/model/json.js';

/** True when a PodDisruptionBudget of the input selects the pod template's labels. */
function hasDisruptionBudget(
  index: ObjectIndex,
  workload: Manifest,
  labels: Readonly<Record<string, string>>,
): boolean {
  const byNamespace = index.memo('pdb-selectors-by-namespace', () => {
    const map = new Map<string, LabelSelector[]>();
    for (const pdb of index.ofKind('PodDisruptionBudget.policy')) {
      const selector = parseLabelSelector(dig(pdb.object, 'spec', 'selector'));
      if (selector) pushTo(map, namespaceOf(pdb), selector);
    }
    return map;
  });
  return (byNamespace.get(namespaceOf(workload)) ?? []).some((selector) => selectorMatches(selector, labels));
}

export default defineRule({
  meta: {
    id: 'single-replica-without-pdb',
    category: 'workloads',
    severity: 'warning',
    description: 'A workload runs a single replica and no PodDisruptionBudget covers it.',
    rationale:
      'With one replica, every node drain, cluster upgrade or autoscaler scale-down takes the application down until the pod is rescheduled and ready again. A second replica avoids the outage; a PodDisruptionBudget at least makes the disruption an explicit decision.',
    remediation:
      'Run at least two replicas (with a PodDisruptionBudget of `maxUnavailable: 1`); for a workload that must stay single, add a PodDisruptionBudget or suppress the finding with a reason.',
    target: [...REPLICATED_WORKLOADS],
    notes:
      'When a HorizontalPodAutoscaler of the input scales the workload, its `minReplicas` (default 1) counts instead of `spec.replicas`.',
    example: {
      invalid: 'kind: Deployment\nspec:\n  replicas: 1',
      valid:
        'kind: Deployment\nspec:\n  replicas: 2\n---\nkind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t || expectedReplicas(ctx.index, ctx.manifest) !== 1) return;
    if (hasDisruptionBudget(ctx.index, ctx.manifest, t.labels)) return;
    const hpa = autoscalerOf(ctx.index, ctx.manifest);
    const kind = ctx.manifest.ref.kind;
    const why = hpa
      ? `${describeRef(hpa.ref)} may scale this ${kind} down to 1 replica`
      : `this ${kind} runs a single replica`;
    ctx.report(
      hpa ? '/spec' : '/spec/replicas',
      `${why} and no PodDisruptionBudget covers it: a node drain takes the application down`,
    );
  },
});
