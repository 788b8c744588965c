import { groupOf, versionOf } from './object-ref.js';

/** `v1` → 3, `v1beta2` → 2, `v1alpha1` → 1: GA versions win over beta, beta over alpha. */
function stability(version: string): number {
  return version.includes('alpha') ? 1 : version.includes('beta') ? 2 : 3;
}

/** `v1`, `v2beta1`, `v1alpha3`: a Kubernetes API version, with its major and pre-release parts. */
const VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function parts(version: string): [number, number, number] {
  const m = VERSION.exec(version);
  if (!m) return [0, 0, 0];
  return [stability(version), Number(m[1]), Number(m[3] ?? 0)];
}

/**
 * Orders API versions the way Kubernetes prefers them: GA before beta before alpha, then the
 * higher major, then the higher pre-release number (`v2` < `v1` < `v1beta2` < `v1beta1` < `v1alpha1`).
 */
export function compareApiVersions(a: string, b: string): number {
  const [sa, ma, pa] = parts(versionOf(a));
  const [sb, mb, pb] = parts(versionOf(b));
  return sb - sa || mb - ma || pb - pa || (groupOf(a) < groupOf(b) ? -1 : groupOf(a) > groupOf(b) ? 1 : 0);
}

/** `resource.k8s.io/v1beta1` and `v1alpha2`: an alpha or beta version, which an API server may not serve by default. */
export function isPrerelease(apiVersion: string): boolean {
  return VERSION.exec(versionOf(apiVersion))?.[2] !== undefined;
}
