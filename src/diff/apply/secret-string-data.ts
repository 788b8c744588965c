import { isObject, type JsonObject } from '../../model/json.js';
import type { KubeObject } from '../../model/manifest.js';
import { isSecret } from '../secret-data.js';

/**
 * The Secret keys a manifest drops that stay in the cluster anyway: the last apply wrote them
 * under `stringData`, which the API server folds into `data` and never stores, so kubectl's
 * three-way patch finds nothing of them to remove (its deletions are computed on `stringData`,
 * the live object has them under `data`). A dropped credential is then still there.
 */
export function keptSecretKeys(live: KubeObject, manifest: KubeObject, lastApplied: JsonObject | undefined): string[] {
  if (!isSecret(live) || !lastApplied) return [];
  const last = isObject(lastApplied.stringData) ? Object.keys(lastApplied.stringData) : [];
  const lastData = isObject(lastApplied.data) ? lastApplied.data : {};
  const wanted = new Set([
    ...(isObject(manifest.stringData) ? Object.keys(manifest.stringData) : []),
    ...(isObject(manifest.data) ? Object.keys(manifest.data) : []),
  ]);
  const stored = isObject(live.data) ? live.data : {};
  return last.filter((key) => !wanted.has(key) && !(key in lastData) && key in stored).sort();
}
