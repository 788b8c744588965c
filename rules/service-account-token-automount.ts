import { fieldOf, isBoolean, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { namespaceIsKnown } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'service-account-token-automount',
    category: 'security',
    severity: 'warning',
    profile: 'all',
    description: "A pod that runs as the namespace's `default` service account gets its API token mounted.",
    rationale:
      'Unless automounting is turned off, every container gets a token for the Kubernetes API at /var/run/secrets/kubernetes.io/serviceaccount. An application that never calls the API has no use for it, and an attacker who gets into the container can use it.',
    remediation:
      'Set `automountServiceAccountToken: false` on the pod (or on the `default` ServiceAccount); give pods that call the API their own ServiceAccount.',
    target: 'pod-templates',
    notes:
      'Pods with their own `serviceAccountName` are not checked: a dedicated account says they call the API. A `default` ServiceAccount of the input with `automountServiceAccountToken: false` counts as turning it off.',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          automountServiceAccountToken: false
          containers:
            - name: web
              image: nginx:1.27.3
      `,
    },
    messages: {
      automounted:
        'the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    // Which account, whether it mounts, and where the pod lands: unknown when written with the wrong type.
    const named = fieldOf(t.spec, ['serviceAccountName'], isString);
    const legacy = fieldOf(t.spec, ['serviceAccount'], isString);
    const automount = fieldOf(t.spec, ['automountServiceAccountToken'], isBoolean);
    if (automount === WRONG_TYPE || !namespaceIsKnown(ctx.object)) return;
    // An account name of the wrong type (WRONG_TYPE) is not 'default' either, so it returns here too.
    if ((named || legacy || 'default') !== 'default' || automount === false) return;
    if (ctx.index.find('ServiceAccount', ctx.namespace, 'default')?.object.automountServiceAccountToken === false)
      return;
    ctx.report({ pointer: `${t.specPointer}/automountServiceAccountToken`, messageId: 'automounted' });
  },
});
