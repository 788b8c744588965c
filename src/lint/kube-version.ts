import { BUILTIN_INDEX } from '../validate/builtin-index/index.generated.js';

/** A Kubernetes minor release: `1.36`. */
export interface KubeVersion {
  major: number;
  minor: number;
}

/**
 * The release kubeplan targets by default: the one whose schemas it ships (kubernetes-models
 * `MODELS_VERSION` describes this release). Upgrading kubernetes-models means updating both;
 * a test keeps them together.
 */
export const DEFAULT_KUBERNETES_VERSION = '1.36';
export const MODELS_VERSION_OF_DEFAULT = '5.1.0';

export function schemaModelsVersion(): string {
  return BUILTIN_INDEX.modelsVersion;
}

/** `1.36`, `v1.36`, `1.36.2` → { major: 1, minor: 36 }; undefined for anything else. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

export function compareKubeVersions(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

export function formatKubeVersion(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}

/** True when `version` is `since` or newer. */
export function atLeast(version: KubeVersion, since: string): boolean {
  return compareKubeVersions(version, parseKubeVersion(since)!) >= 0;
}

/**
 * The Kubernetes release of a run: the option, else the configuration's, else the default. An
 * invalid one is a caller's mistake and throws.
 */
export function runKubernetesVersion(options: {
  kubernetesVersion?: string | undefined;
  config?: { kubernetesVersion?: string | undefined } | undefined;
}): KubeVersion {
  const text = options.kubernetesVersion ?? options.config?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const version = parseKubeVersion(text);
  if (!version) throw new TypeError(`invalid Kubernetes version "${text}" (expected e.g. 1.30)`);
  return version;
}
