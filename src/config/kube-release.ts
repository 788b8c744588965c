import { compareKubeVersions, DEFAULT_KUBERNETES_VERSION, parseKubeVersion } from '../lint/kube-version.js';

/**
 * The oldest release kubeplan checks against: its table of removed APIs starts with the
 * removals of 1.16, so for an older target it cannot tell which API versions were still served.
 */
export const OLDEST_KUBERNETES_VERSION = '1.16';

/**
 * Why `text` cannot be the release of a run (`--kube-version`, `kubernetesVersion`), or
 * undefined when it can: a version such as `1.30` (`v1.30`, `1.30.4`) from the oldest release
 * kubeplan knows the APIs of to the one whose schemas it ships. A later release would be checked
 * against older schemas without saying so, and `2.0` is no release at all.
 */
export function kubeReleaseProblem(text: string): string | undefined {
  const version = parseKubeVersion(text);
  if (!version) return `"${text}" is not a Kubernetes version such as 1.30`;
  const oldest = parseKubeVersion(OLDEST_KUBERNETES_VERSION)!;
  const newest = parseKubeVersion(DEFAULT_KUBERNETES_VERSION)!;
  if (compareKubeVersions(version, oldest) < 0 || compareKubeVersions(version, newest) > 0)
    return `"${text}" is not a Kubernetes release kubeplan supports (${OLDEST_KUBERNETES_VERSION} to ${DEFAULT_KUBERNETES_VERSION})`;
  return undefined;
}
