import { disruptionBudgetSelector } from '../src/model/selectors/consumers.js';
import { defineRule } from '../src/lint/rule.js';
import { expectedReplicas } from '../src/lint/workload-replicas.js';
import { asObject } from '../src/model/json.js';

/** `0`, `"0%"`; undefined for anything that is not an int-or-percent. */
function intOrPercent(value: unknown): { value: number; percent: boolean } | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { value, percent: false };
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  return m ? { value: Number(m[1]), percent: true } : undefined;
}

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    category: 'workloads',
    severity: 'warning',
    description:
      'A PodDisruptionBudget allows no voluntary disruption at all: `maxUnavailable: 0`, or `minAvailable` as high as the replicas it covers.',
    rationale:
      'A drain waits for the budget to allow an eviction; when it never does, node maintenance and cluster upgrades hang until someone deletes the budget or the pods by hand — at which point the budget protected nothing.',
    remediation:
      'Allow at least one disruption: `maxUnavailable: 1`, or a `minAvailable` below the replica count (and run at least two replicas).',
    target: ['PodDisruptionBudget.policy'],
    notes:
      "Replica counts come from the selected workloads of the input (an autoscaler's `minReplicas` when one scales them); `minAvailable` is only compared when every selected pod template has a known count.",
    example: {
      invalid:
        'spec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: web\n# the Deployment web runs 2 replicas',
      valid: 'spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web',
    },
  },
  check(ctx) {
    const spec = asObject(ctx.object.spec);
    if (!spec) return;
    const maxUnavailable = intOrPercent(spec.maxUnavailable);
    if (maxUnavailable?.value === 0) {
      ctx.report('/spec/maxUnavailable', 'maxUnavailable 0 allows no eviction: node drains hang on these pods');
      return;
    }
    const minAvailable = intOrPercent(spec.minAvailable);
    if (!minAvailable) return;
    if (minAvailable.percent) {
      if (minAvailable.value >= 100)
        ctx.report(
          '/spec/minAvailable',
          `minAvailable ${String(spec.minAvailable)} allows no eviction: node drains hang on these pods`,
        );
      return;
    }
    const pods = ctx.index.podsMatching(ctx.namespace, disruptionBudgetSelector(ctx.object).selector);
    const counts = pods.map((p) => expectedReplicas(ctx.index, p.manifest));
    if (pods.length === 0 || counts.some((c) => c === undefined)) return;
    const total = counts.reduce<number>((a, b) => a + b!, 0);
    if (minAvailable.value >= total) {
      ctx.report(
        '/spec/minAvailable',
        `minAvailable ${minAvailable.value} with ${total} selected replica${total === 1 ? '' : 's'} allows no eviction: node drains hang on these pods`,
      );
    }
  },
});
