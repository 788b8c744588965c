import { defaultPointer, ensureObject } from './fields.js';
import { type JsonObject, isObject, objectAt } from '../../model/json.js';

/** Facts from `pkg/apis/autoscaling/v2/defaults.go` and `pkg/apis/autoscaling/v1/defaults.go`. */

/** The CPU utilization target of an autoscaler that names no metric (`autoscaling.DefaultCPUUtilization`). */
const DEFAULT_CPU_UTILIZATION = 80;

function scaleUpRules(): JsonObject {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

/** Scale-down has no default stabilization window: the controller's command-line flag decides it. */
function scaleDownRules(): JsonObject {
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

/** The given rules with every unset field taken from the defaults (copyHPAScalingRules). */
function completeRules(given: unknown, defaults: JsonObject): JsonObject {
  if (!isObject(given)) return defaults;
  const result: JsonObject = { ...defaults };
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance']) {
    if (given[key] !== undefined && given[key] !== null) result[key] = given[key];
  }
  return result;
}

export function defaultHorizontalPodAutoscalerV2(hpa: JsonObject): void {
  const spec = ensureObject(hpa, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
      },
    ];
  }
  // Scaling rules are completed only when the autoscaler has a behavior section at all.
  const behavior = objectAt(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = completeRules(behavior.scaleUp, scaleUpRules());
    behavior.scaleDown = completeRules(behavior.scaleDown, scaleDownRules());
  }
}

/** autoscaling/v1 defaults only the minimum; its CPU target applies in the controller. */
export function defaultHorizontalPodAutoscalerV1(hpa: JsonObject): void {
  const spec = ensureObject(hpa, 'spec');
  if (spec) defaultPointer(spec, 'minReplicas', 1);
}
