import { removedAt, replacementAdvice } from '../src/lint/api-replacement.js';
import { formatKubeVersion } from '../src/lint/kube-version.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'api-removed',
    category: 'api',
    severity: 'error',
    profile: 'default',
    description: 'An object uses an API version that the target Kubernetes version no longer serves.',
    rationale:
      'The API server rejects objects of a removed API version ("no matches for kind"), so the apply fails, typically right after a cluster upgrade.',
    remediation:
      'Change `apiVersion` to the replacement the message names and adapt the fields that changed (see the Kubernetes deprecated API migration guide).',
    target: 'all',
    notes:
      'The target version is `--kube-version`, or `kubernetesVersion` in `.kubeplan.yaml`, by default the release whose schemas kubeplan ships. The table covers every removal from 1.16 (extensions/v1beta1 workloads) to 1.32 (flowcontrol v1beta3); releases 1.33 to 1.36 removed none.',
    example: {
      invalid: yaml`
        apiVersion: policy/v1beta1
        kind: PodDisruptionBudget
        metadata:
          name: api
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: api
      `,
      valid: yaml`
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: api
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: api
      `,
    },
    messages: {
      removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}} (target {{target}}): {{advice}}',
    },
  },
  check(ctx) {
    const api = removedAt(ctx.manifest.ref.apiVersion, ctx.manifest.ref.kind, ctx.kubernetesVersion);
    if (!api) return;
    ctx.report({
      pointer: '/apiVersion',
      messageId: 'removed',
      data: {
        apiVersion: api.apiVersion,
        kind: ctx.manifest.ref.kind,
        removedIn: api.removedIn,
        target: formatKubeVersion(ctx.kubernetesVersion),
        advice: replacementAdvice(api, ctx.kubernetesVersion),
      },
    });
  },
});
