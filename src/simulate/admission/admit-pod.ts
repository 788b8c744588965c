import type { KubeObject } from '../../model/manifest.js';
import { compareText } from '../../model/compare-text.js';
import { admitPriority } from '../controllers/priority.js';
import type { SimulationState } from '../state.js';
import { applyLimitRangeDefaults, checkLimitRanges, type PodRefusal } from './limit-ranger.js';
import { quotaUsage } from './quota-usage.js';
import { checkQuotas } from './resource-quota.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

/** The objects of one kind in a namespace, by name: the order kubeplan applies them in. */
function inNamespace(state: SimulationState, kind: string, namespace: string): KubeObject[] {
  return state
    .list(kind, '')
    .map((e) => e.object)
    .filter((o) => namespaceOf(o) === namespace)
    .sort((a, b) => compareText(nameOf(a), nameOf(b)));
}

/**
 * The admission plugins that can change or refuse a new pod, in the API server's order:
 * Priority (the class's value; a missing class refuses the pod), LimitRanger (defaults, then
 * min/max/ratio), ResourceQuota (last). Changes the pod; returns why it is refused, if it is.
 */
export function admitPod(
  state: SimulationState,
  pod: KubeObject & { spec: Record<string, unknown> },
): PodRefusal | undefined {
  const priority = admitPriority(state, pod.spec);
  if (priority) return { message: priority, pointer: 'priorityClassName' };
  const namespace = namespaceOf(pod);
  const limitRanges = inNamespace(state, 'LimitRange', namespace);
  applyLimitRangeDefaults(pod, limitRanges);
  const limited = checkLimitRanges(pod.spec, limitRanges);
  if (limited) return limited;
  const quotas = inNamespace(state, 'ResourceQuota', namespace);
  if (!quotas.length) return undefined;
  return checkQuotas(pod.spec, quotas, (quota) => quotaUsage(state, quota as KubeObject));
}
