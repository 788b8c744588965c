import { serviceSelector } from '../src/model/selectors/consumers.js';
import { formatSelector } from '../src/model/selectors/label-selector.js';
import { REFERENCE_OPTIONS, reportsNoPods, SELECTOR_NOTES, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { podsOfService } from '../src/lint/service-targets.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'service-selector-no-pods',
    category: 'references',
    severity: 'warning',
    description: "A Service's selector matches no pod template in its namespace.",
    rationale:
      'A Service whose selector matches no pod has no endpoints: connections to it are refused or time out, usually because a label was renamed on one side only.',
    remediation:
      "Make `spec.selector` a subset of the labels in the workload's pod template (`spec.template.metadata.labels`), in the same namespace.",
    target: ['Service'],
    notes: `Services without a selector (endpoints managed by hand) and ExternalName Services are not checked. ${SELECTOR_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: 'kind: Service\nspec:\n  selector:\n    app: web-frontend',
      valid: 'kind: Service\nspec:\n  selector:\n    app: frontend',
    },
  },
  check(ctx) {
    const { selector, state } = serviceSelector(ctx.object);
    if (state !== 'set' || podsOfService(ctx.index, ctx.manifest).length > 0 || !reportsNoPods(ctx)) return;
    ctx.report(
      '/spec/selector',
      `selector ${formatSelector(selector)} matches no pod template in namespace ${ctx.namespace || '(none set)'}: the Service has no endpoints`,
    );
  },
});
