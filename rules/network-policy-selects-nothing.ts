import { networkPolicyPodSelector } from '../src/model/selectors/consumers.js';
import { formatSelector, isEmptySelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'network-policy-selects-nothing',
    category: 'references',
    severity: 'warning',
    description: "A NetworkPolicy's `podSelector` matches no pod template in its namespace.",
    rationale:
      'A policy that selects no pod isolates nothing: the traffic it was written to restrict still flows, and nobody notices until an audit.',
    remediation:
      'Make `spec.podSelector` match the labels of the pods to protect (an empty selector `{}` selects every pod of the namespace).',
    target: ['NetworkPolicy.networking.k8s.io'],
    notes: `An empty podSelector selects every pod of the namespace and is not reported. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: 'kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n      app: databse',
      valid: 'kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n      app: database',
    },
  },
  check(ctx) {
    const { selector, state } = networkPolicyPodSelector(ctx.object);
    if (
      state !== 'set' ||
      isEmptySelector(selector) ||
      ctx.index.podsMatching(ctx.namespace, selector).length > 0 ||
      !reportsNoPods(ctx)
    )
      return;
    ctx.report(
      '/spec/podSelector',
      `podSelector ${formatSelector(selector)} matches no pod template in namespace ${ctx.namespace || '(none set)'}: the policy isolates nothing`,
    );
  },
});
