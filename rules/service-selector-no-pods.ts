import { serviceSelector } from '../src/model/selectors/consumers.js';
import { formatSelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { WEB_DEPLOYMENT, WEB_SERVICE } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { podsOfService } from '../src/lint/service-targets.js';

export default defineRule<ReferenceOptions, 'noPods'>({
  meta: {
    id: 'service-selector-no-pods',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: "A Service's selector matches no pod template in its namespace.",
    rationale:
      'A Service whose selector matches no pod has no endpoints: connections to it are refused or time out, usually because a label was renamed on one side only.',
    remediation:
      "Make `spec.selector` a subset of the labels in the workload's pod template (`spec.template.metadata.labels`), in the same namespace.",
    target: ['Service'],
    notes: `Services without a selector (endpoints managed by hand) and ExternalName Services are not checked. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: [
        WEB_DEPLOYMENT,
        yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            namespace: shop
          spec:
            selector:
              app: web-frontend
            ports:
              - name: http
                port: 80
                targetPort: http
        `,
      ].join('---\n'),
      valid: [WEB_DEPLOYMENT, WEB_SERVICE].join('---\n'),
    },
    messages: {
      noPods: 'selector {{selector}} matches no pod template in namespace {{namespace}}: the Service has no endpoints',
    },
  },
  check(ctx) {
    const { selector, state } = serviceSelector(ctx.object);
    if (state !== 'set' || podsOfService(ctx.index, ctx.manifest).length > 0 || !reportsNoPods(ctx)) return;
    ctx.report({
      pointer: '/spec/selector',
      messageId: 'noPods',
      data: { selector: formatSelector(selector), namespace: ctx.namespace || '(none set)' },
    });
  },
});
