import { removedAt, replacementAdvice } from '../../lint/api-replacement.js';
import { formatKubeVersion, type KubeVersion } from '../../lint/kube-version.js';
import { findingAt, type Finding } from '../../model/finding.js';
import type { Manifest } from '../../model/manifest.js';

/**
 * An object in an API version the target release no longer serves (an apps/v1beta1 Deployment):
 * the API server answers "no matches for kind", so the object is never stored. The finding names
 * the `api-removed` rule, whose lint finding says the same, so a run that also lints says it once.
 */
export function removedVersionProblem(manifest: Manifest, target: KubeVersion): Finding | undefined {
  const api = removedAt(manifest.ref.apiVersion, manifest.ref.kind, target);
  if (!api) return undefined;
  return findingAt(manifest, {
    ruleId: 'api-removed',
    severity: 'error',
    message: `${api.apiVersion} ${manifest.ref.kind} was removed in Kubernetes ${api.removedIn} (target ${formatKubeVersion(target)}): ${replacementAdvice(api, target)}`,
    pointer: '/apiVersion',
    phase: 'rule',
  });
}
