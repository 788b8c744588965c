import { disruptionBudgetSelector } from '../src/model/selectors/consumers.js';
import { formatSelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'pdb-selects-nothing',
    category: 'references',
    severity: 'warning',
    description: "A PodDisruptionBudget's selector matches no pod template in its namespace, or it has none.",
    rationale:
      'A budget that selects no pod protects nothing: node drains evict the pods it was meant to keep running, usually because the selector and the pod labels drifted apart.',
    remediation: "Make `spec.selector` match the labels of the workload's pod template.",
    target: ['PodDisruptionBudget.policy'],
    notes: `An empty selector (\`{}\`) selects every pod of the namespace; a budget without \`spec.selector\` selects no pod at all (policy/v1) and is always reported. An invalid selector is reported once by validation, not here. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid:
        'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: fronted',
      valid:
        'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: frontend',
    },
  },
  check(ctx) {
    const { selector, state } = disruptionBudgetSelector(ctx.object);
    if (state === 'none') {
      ctx.report('/spec', 'the budget has no spec.selector, so it selects no pod (policy/v1): it protects nothing');
      return;
    }
    if (state !== 'set' || ctx.index.podsMatching(ctx.namespace, selector).length > 0 || !reportsNoPods(ctx)) return;
    ctx.report(
      '/spec/selector',
      `selector ${formatSelector(selector) || '{}'} matches no pod template in namespace ${ctx.namespace || '(none set)'}: the budget protects nothing`,
    );
  },
});
