import { replacementAdvice } from '../src/lint/api-replacement.js';
import { removedApi } from '../src/lint/deprecated-apis.js';
import { atLeast, formatKubeVersion } from '../src/lint/kube-version.js';
import { defineRule } from '../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'api-removed',
    category: 'api',
    severity: 'error',
    description: 'An object uses an API version that the target Kubernetes version no longer serves.',
    rationale:
      'The API server rejects objects of a removed API version ("no matches for kind"), so the apply fails, typically right after a cluster upgrade.',
    remediation:
      'Change `apiVersion` to the replacement the message names and adapt the fields that changed (see the Kubernetes deprecated API migration guide).',
    target: 'all',
    notes:
      'The target version is `--kube-version`, or `kubernetesVersion` in `.kubeplan.yaml`, by default the release whose schemas kubeplan ships. The table covers every removal from 1.16 (extensions/v1beta1 workloads) to 1.32 (flowcontrol v1beta3); releases 1.33 to 1.36 removed none.',
    example: {
      invalid: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget',
      valid: 'apiVersion: policy/v1\nkind: PodDisruptionBudget',
    },
  },
  check(ctx) {
    const api = removedApi(ctx.manifest.ref.apiVersion, ctx.manifest.ref.kind);
    if (!api || !atLeast(ctx.kubernetesVersion, api.removedIn)) return;
    ctx.report(
      '/apiVersion',
      `${api.apiVersion} ${ctx.manifest.ref.kind} was removed in Kubernetes ${api.removedIn} (target ${formatKubeVersion(ctx.kubernetesVersion)}): ${replacementAdvice(api, ctx.kubernetesVersion)}`,
    );
  },
});
