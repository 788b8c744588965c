import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { asString } from '../src/model/json.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'service-account-missing',
    category: 'references',
    severity: 'warning',
    description: 'A pod runs as a ServiceAccount that the input does not define.',
    rationale:
      'The API server refuses to create pods for a ServiceAccount that does not exist, so the workload\'s controller keeps failing to create them ("serviceaccount not found").',
    remediation: 'Create the ServiceAccount in the same namespace, or fix `serviceAccountName`.',
    target: 'pod-templates',
    notes: `The \`default\` ServiceAccount exists in every namespace and is never reported. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: 'spec:\n  serviceAccountName: reporter',
      valid: 'spec:\n  serviceAccountName: reporter\n---\nkind: ServiceAccount\nmetadata:\n  name: reporter',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    const field = asString(t.spec.serviceAccountName) !== undefined ? 'serviceAccountName' : 'serviceAccount';
    const name = asString(t.spec[field]);
    if (
      !name ||
      name === 'default' ||
      ctx.index.find('ServiceAccount', ctx.namespace, name) ||
      !reportsMissing(ctx, 'ServiceAccount', ctx.namespace)
    )
      return;
    ctx.report(
      `${t.specPointer}/${field}`,
      `ServiceAccount "${name}" is not in the input: the API server refuses to create the pods`,
    );
  },
});
