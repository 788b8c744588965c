import { formatSelector, parseLabelSelector } from '../src/lint/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { dig } from '../src/model/json.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'pdb-selects-nothing',
    category: 'references',
    severity: 'warning',
    description: "A PodDisruptionBudget's selector matches no pod template in its namespace.",
    rationale:
      'A budget that selects no pod protects nothing: node drains evict the pods it was meant to keep running, usually because the selector and the pod labels drifted apart.',
    remediation: "Make `spec.selector` match the labels of the workload's pod template.",
    target: ['PodDisruptionBudget.policy'],
    notes: `An empty selector (\`{}\`) selects every pod of the namespace. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid:
        'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: fronted',
      valid:
        'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: frontend',
    },
  },
  check(ctx) {
    const selector = parseLabelSelector(dig(ctx.object, 'spec', 'selector'));
    if (!selector || ctx.index.podsMatching(ctx.namespace, selector).length > 0 || !reportsNoPods(ctx)) return;
    ctx.report(
      '/spec/selector',
      `selector ${formatSelector(selector) || '{}'} matches no pod template in namespace ${ctx.namespace || '(none set)'}: the budget protects nothing`,
    );
  },
});
