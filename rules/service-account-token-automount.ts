import { defineRule } from '../src/lint/rule.js';
import { asString } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'service-account-token-automount',
    category: 'security',
    severity: 'warning',
    description: "A pod that runs as the namespace's `default` service account gets its API token mounted.",
    rationale:
      'Unless automounting is turned off, every container gets a token for the Kubernetes API at /var/run/secrets/kubernetes.io/serviceaccount. An application that never calls the API has no use for it, and an attacker who gets into the container can use it.',
    remediation:
      'Set `automountServiceAccountToken: false` on the pod (or on the `default` ServiceAccount); give pods that call the API their own ServiceAccount.',
    target: 'pod-templates',
    notes:
      'Pods with their own `serviceAccountName` are not checked: a dedicated account says they call the API. A `default` ServiceAccount of the input with `automountServiceAccountToken: false` counts as turning it off.',
    example: {
      invalid: 'spec:\n  containers: [...]',
      valid: 'spec:\n  automountServiceAccountToken: false\n  containers: [...]',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    if (!t) return;
    const account = asString(t.spec.serviceAccountName) ?? asString(t.spec.serviceAccount) ?? 'default';
    if (account !== 'default' || t.spec.automountServiceAccountToken === false) return;
    if (ctx.index.find('ServiceAccount', ctx.namespace, 'default')?.object.automountServiceAccountToken === false)
      return;
    ctx.report(
      `${t.specPointer}/automountServiceAccountToken`,
      'the pod mounts an API token of the default service account that it has no use for: set automountServiceAccountToken: false',
    );
  },
});
