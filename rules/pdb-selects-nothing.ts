import { disruptionBudgetSelector } from '../src/model/selectors/consumers.js';
import { formatSelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { fieldOf, isPlainObject, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_PDB } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule<ReferenceOptions, 'noSelector' | 'selectsNothing'>({
  meta: {
    id: 'pdb-selects-nothing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: "A PodDisruptionBudget's selector matches no pod template in its namespace, or it has none.",
    rationale:
      'A budget that selects no pod protects nothing: node drains evict the pods it was meant to keep running, usually because the selector and the pod labels drifted apart.',
    remediation: "Make `spec.selector` match the labels of the workload's pod template.",
    target: ['PodDisruptionBudget.policy'],
    notes: `An empty selector (\`{}\`) selects every pod of the namespace; a budget without \`spec.selector\` selects no pod at all (policy/v1) and is always reported. An invalid selector is reported once by validation, not here. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
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
            maxUnavailable: 1
            selector:
              matchLabels:
                app: wbe
        `,
      ].join('---\n'),
      valid: [WEB_DEPLOYMENT, WEB_PDB].join('---\n'),
    },
    messages: {
      noSelector: 'the budget has no spec.selector, so it selects no pod (policy/v1): it protects nothing',
      selectsNothing:
        'selector {{selector}} matches no pod template in namespace {{namespace}}: the budget protects nothing',
    },
  },
  check(ctx) {
    // A spec of the wrong type has no selector to read, which is not the same as none written.
    if (fieldOf(ctx.object, ['spec'], isPlainObject) === WRONG_TYPE) return;
    const { selector, state } = disruptionBudgetSelector(ctx.object);
    if (state === 'none') {
      ctx.report({ pointer: '/spec', messageId: 'noSelector' });
      return;
    }
    if (state !== 'set' || ctx.index.podsMatching(ctx.namespace, selector).length > 0 || !reportsNoPods(ctx)) return;
    ctx.report({
      pointer: '/spec/selector',
      messageId: 'selectsNothing',
      data: { selector: formatSelector(selector) || '{}', namespace: ctx.namespace || '(none set)' },
    });
  },
});
