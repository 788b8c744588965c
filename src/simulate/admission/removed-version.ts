import { replacementAdvice } from '../../lint/api-replacement.js';
import { atLeast, DEFAULT_KUBERNETES_VERSION, formatKubeVersion, parseKubeVersion } from '../../lint/kube-version.js';
import { findingAt, type Finding } from '../../model/finding.js';
import { removedApi } from '../../model/deprecated-apis.js';
import type { Manifest } from '../../model/manifest.js';

const TARGET = parseKubeVersion(DEFAULT_KUBERNETES_VERSION)!;

/**
 * An object in an API version the cluster no longer serves (an apps/v1beta1 Deployment): the
 * API server answers "no matches for kind", so the object is never stored. The finding names
 * the `api-removed` rule, whose lint finding says the same, so a run that also lints says it once.
 */
export function removedVersionProblem(manifest: Manifest): Finding | undefined {
  const api = removedApi(manifest.ref.apiVersion, manifest.ref.kind);
  if (!api || !atLeast(TARGET, api.removedIn)) return undefined;
  return findingAt(manifest, {
    ruleId: 'api-removed',
    severity: 'error',
    message: `${api.apiVersion} ${manifest.ref.kind} was removed in Kubernetes ${api.removedIn} (target ${formatKubeVersion(TARGET)}): ${replacementAdvice(api, TARGET)}`,
    pointer: '/apiVersion',
    phase: 'rule',
  });
}
