import { disruptionBudgetSelector } from '../src/model/selectors/consumers.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_PDB } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { expectedReplicas } from '../src/lint/workload-replicas.js';
import { asObject } from '../src/model/json.js';

/** `0`, `"0%"`; undefined for anything that is not an int-or-percent. */
function intOrPercent(value: unknown): { value: number; percent: boolean } | undefined {
  // Number.isInteger is false for anything but a number.
  if (Number.isInteger(value)) return { value: value as number, percent: false };
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  return m ? { value: Number(m[1]), percent: true } : undefined;
}

export default defineRule({
  meta: {
    id: 'pdb-blocks-eviction',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
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
      invalid: [
        WEB_DEPLOYMENT,
        yaml`
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata:
            name: web
            namespace: shop
          spec:
            minAvailable: 2
            selector:
              matchLabels:
                app: web
        `,
      ].join('---\n'),
      valid: [WEB_DEPLOYMENT, WEB_PDB].join('---\n'),
    },
    messages: {
      maxUnavailableZero: 'maxUnavailable 0 allows no eviction: node drains hang on these pods',
      minAvailableAll: 'minAvailable {{minAvailable}} allows no eviction: node drains hang on these pods',
      minAvailableOfOne:
        'minAvailable {{minAvailable}} with 1 selected replica allows no eviction: node drains hang on these pods',
      minAvailableOfReplicas:
        'minAvailable {{minAvailable}} with {{replicas}} selected replicas allows no eviction: node drains hang on these pods',
    },
  },
  check(ctx) {
    const spec = asObject(ctx.object.spec);
    if (!spec) return;
    const maxUnavailable = intOrPercent(spec.maxUnavailable);
    if (maxUnavailable?.value === 0) {
      ctx.report({ pointer: '/spec/maxUnavailable', messageId: 'maxUnavailableZero' });
      return;
    }
    const minAvailable = intOrPercent(spec.minAvailable);
    if (!minAvailable) return;
    if (minAvailable.percent) {
      if (minAvailable.value >= 100)
        ctx.report({
          pointer: '/spec/minAvailable',
          messageId: 'minAvailableAll',
          data: { minAvailable: String(spec.minAvailable) },
        });
      return;
    }
    const pods = ctx.index.podsMatching(ctx.namespace, disruptionBudgetSelector(ctx.object).selector);
    const counts = pods.map((p) => expectedReplicas(ctx.index, p.manifest));
    if (pods.length === 0) return;
    // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression: when it lets an unknown count through, the total is NaN and minAvailable >= NaN is false, so nothing is reported either way
    if (counts.some((c) => c === undefined)) return;
    const total = counts.reduce<number>((a, b) => a + b!, 0);
    if (minAvailable.value >= total) {
      ctx.report({
        pointer: '/spec/minAvailable',
        ...(total === 1
          ? { messageId: 'minAvailableOfOne', data: { minAvailable: minAvailable.value } }
          : { messageId: 'minAvailableOfReplicas', data: { minAvailable: minAvailable.value, replicas: total } }),
      });
    }
  },
});
