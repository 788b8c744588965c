import { networkPolicyPodSelector } from '../src/model/selectors/consumers.js';
import { formatSelector, isEmptySelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule<ReferenceOptions, 'selectsNothing'>({
  meta: {
    id: 'network-policy-selects-nothing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: "A NetworkPolicy's `podSelector` matches no pod template in its namespace.",
    rationale:
      'A policy that selects no pod isolates nothing: the traffic it was written to restrict still flows, and nobody notices until an audit.',
    remediation:
      'Make `spec.podSelector` match the labels of the pods to protect (an empty selector `{}` selects every pod of the namespace).',
    target: ['NetworkPolicy.networking.k8s.io'],
    notes: `An empty podSelector selects every pod of the namespace and is not reported. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: [
        WEB_DEPLOYMENT,
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-ingress
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                app: wbe
            policyTypes: [Ingress]
            ingress:
              - ports:
                  - port: 8080
        `,
      ].join('---\n'),
      valid: [
        WEB_DEPLOYMENT,
        yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-ingress
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                app: web
            policyTypes: [Ingress]
            ingress:
              - ports:
                  - port: 8080
        `,
      ].join('---\n'),
    },
    messages: {
      selectsNothing:
        'podSelector {{selector}} matches no pod template in namespace {{namespace}}: the policy isolates nothing',
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
    ctx.report({
      pointer: '/spec/podSelector',
      messageId: 'selectsNothing',
      data: { selector: formatSelector(selector), namespace: ctx.namespace || '(none set)' },
    });
  },
});
