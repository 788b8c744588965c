import { atLeast, type KubeVersion } from './kube-version.js';
import { type RemovedApi, removedApi } from '../model/deprecated-apis.js';

/** `use networking.k8s.io/v1 (available since 1.19)`: the newest replacement the target version serves, or the oldest one otherwise. */
export function replacementAdvice(api: RemovedApi, target: KubeVersion): string {
  if (api.replacements.length === 0) return `nothing replaces it; use ${api.instead ?? 'another mechanism'}`;
  const served = api.replacements.find((r) => atLeast(target, r.since));
  const choice = served ?? api.replacements[api.replacements.length - 1]!;
  return `use ${choice.apiVersion} (available since ${choice.since})`;
}

/** The removed API an object's apiVersion and kind are, when the target release no longer serves it. */
export function removedAt(apiVersion: string, kind: string, target: KubeVersion): RemovedApi | undefined {
  const api = removedApi(apiVersion, kind);
  return api && atLeast(target, api.removedIn) ? api : undefined;
}
