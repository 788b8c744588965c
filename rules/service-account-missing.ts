import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { fieldOf, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString } from '../src/model/json.js';

export default defineRule<ReferenceOptions, 'missing'>({
  meta: {
    id: 'service-account-missing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: 'A pod runs as a ServiceAccount that the input does not define.',
    rationale:
      'The API server refuses to create pods for a ServiceAccount that does not exist, so the workload\'s controller keeps failing to create them ("serviceaccount not found").',
    remediation: 'Create the ServiceAccount in the same namespace, or fix `serviceAccountName`.',
    target: 'pod-templates',
    notes: `The \`default\` ServiceAccount exists in every namespace and is never reported. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: reporter
          namespace: shop
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: report
          namespace: shop
        spec:
          serviceAccountName: reportr
          containers:
            - name: report
              image: registry.example.com/shop/report:2.3.1
      `,
      valid: yaml`
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: reporter
          namespace: shop
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: report
          namespace: shop
        spec:
          serviceAccountName: reporter
          containers:
            - name: report
              image: registry.example.com/shop/report:2.3.1
      `,
    },
    messages: {
      missing: 'ServiceAccount "{{name}}" is not in the input: the API server refuses to create the pods',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    // An account name of the wrong type is the schema's finding: which account is meant is unknown.
    const named = fieldOf(t.spec, ['serviceAccountName'], isString);
    if (named === WRONG_TYPE || fieldOf(t.spec, ['serviceAccount'], isString) === WRONG_TYPE) return;
    const field = named !== undefined ? 'serviceAccountName' : 'serviceAccount';
    const name = named ?? asString(t.spec.serviceAccount);
    if (
      !name ||
      name === 'default' ||
      ctx.index.find('ServiceAccount', ctx.namespace, name) ||
      !reportsMissing(ctx, 'ServiceAccount', ctx.namespace)
    )
      return;
    ctx.report({ pointer: `${t.specPointer}/${field}`, messageId: 'missing', data: { name } });
  },
});
