import type { Manifest } from '../model/manifest.js';
import type { ObjectIndex } from './object-index.js';
import { asInteger, asObject, asString, dig } from '../model/json.js';
import { groupKind, groupKindOf } from '../model/group-kind.js';
import { REPLICATED_WORKLOADS } from '../model/workload-kinds.js';
import { namespaceOf } from '../model/object-ref.js';

/** The HorizontalPodAutoscaler of the input that scales `workload`, if any. */
export function autoscalerOf(index: ObjectIndex, workload: Manifest): Manifest | undefined {
  // Stryker disable next-line StringLiteral: the key only has to differ from other memos' keys; any other string does
  const byTarget = index.memo('autoscaler-targets', () => {
    const map = new Map<string, Manifest>();
    for (const hpa of index.ofKind('HorizontalPodAutoscaler.autoscaling')) {
      const ref = asObject(dig(hpa.object, 'spec', 'scaleTargetRef')) ?? {};
      const kind = asString(ref.kind);
      const name = asString(ref.name);
      if (!kind || !name) continue;
      // Stryker disable next-line StringLiteral: any apiVersion without a slash names the core group, as '' does
      const apiVersion = asString(ref.apiVersion) ?? '';
      const key = `${groupKind(apiVersion, kind)}|${namespaceOf(hpa.object)}|${name}`;
      if (!map.has(key)) map.set(key, hpa);
    }
    return map;
  });
  return byTarget.get(`${groupKindOf(workload)}|${namespaceOf(workload.object)}|${workload.ref.name}`);
}

/**
 * How many pods a replicated workload is expected to run: the autoscaler's minimum when one
 * scales it, else `spec.replicas` (default 1). Undefined for kinds without replicas
 * (DaemonSet, Job, Pod) and for values that are not whole numbers.
 */
export function expectedReplicas(index: ObjectIndex, workload: Manifest): number | undefined {
  if (!REPLICATED_WORKLOADS.has(groupKindOf(workload))) return undefined;
  const hpa = autoscalerOf(index, workload);
  if (hpa) {
    const min = dig(hpa.object, 'spec', 'minReplicas');
    return min === undefined ? 1 : asInteger(min);
  }
  const replicas = dig(workload.object, 'spec', 'replicas');
  return replicas === undefined ? 1 : asInteger(replicas);
}
