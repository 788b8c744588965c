import { describeRef, namespaceOf, refOf } from '../../model/object-ref.js';
import { involved, type SimulationState } from '../state.js';
import { withSpec } from './workload.js';
import type { RefusedObjects } from '../refused-objects.js';
import { objectAt } from '../../model/json.js';

const SCALABLE: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ReplicationController: 'v1',
};

/**
 * The HorizontalPodAutoscaler (`pkg/controller/podautoscaler`) without metrics: the target's
 * replicas are brought within [minReplicas, maxReplicas]; a target at 0 replicas has
 * autoscaling disabled and is left alone. Metric-driven scaling needs live usage and is not
 * simulated.
 */
export function reconcileAutoscalers(state: SimulationState, refused: RefusedObjects): void {
  for (const entry of state.list('HorizontalPodAutoscaler', 'autoscaling')) {
    const hpa = entry.object;
    const spec = objectAt(hpa, 'spec') ?? {};
    const target = objectAt(spec, 'scaleTargetRef') ?? {};
    const kind = String(target.kind ?? '');
    const apiVersion = Object.hasOwn(SCALABLE, kind) ? SCALABLE[kind] : undefined;
    const found =
      apiVersion && typeof target.name === 'string'
        ? state.get({ apiVersion, kind, namespace: namespaceOf(hpa), name: target.name })
        : undefined;
    if (!found) {
      state.report({
        ruleId: 'hpa-target-missing',
        severity: 'warning',
        message: `${describeRef(refOf(hpa))} scales ${kind || 'an object'} ${String(target.name ?? '')}, which ${refused.has(kind, namespaceOf(hpa), String(target.name)) ? 'the API server refuses (object-rejected)' : 'is neither in the input nor in the cluster'}${apiVersion ? '' : ` (kubeplan simulates ${Object.keys(SCALABLE).join(', ')})`}`,
        origin: entry.origin,
        pointer: '/spec/scaleTargetRef',
      });
      continue;
    }
    const replicas = objectAt(found.object, 'spec')?.replicas;
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : undefined;
    if (typeof replicas !== 'number' || replicas === 0 || max === undefined) continue;
    const [size, reason] =
      replicas > max
        ? [max, 'Current number of replicas above Spec.MaxReplicas']
        : replicas < min
          ? [min, 'Current number of replicas below Spec.MinReplicas']
          : [replicas, ''];
    if (size === replicas) continue;
    state.replace(withSpec(found.object, { replicas: size }));
    state.emit({
      type: 'Normal',
      reason: 'SuccessfulRescale',
      message: `New size: ${size}; reason: ${reason}`,
      involvedObject: involved(hpa),
      source: 'horizontal-pod-autoscaler',
    });
  }
}
