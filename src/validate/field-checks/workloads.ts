import { isObject, type JsonObject } from '../../model/json.js';
import type { FieldPath } from '../../model/selectors/validation.js';
import {
  eachObject,
  forbidden,
  invalid,
  isInteger,
  nonNegative,
  notSupported,
  type Problems,
  required,
} from './problems.js';

/** Kinds whose `spec.replicas` the API server checks. */
const REPLICATED = new Set(['Deployment.apps', 'ReplicaSet.apps', 'StatefulSet.apps', 'ReplicationController']);

/** Kinds whose pod template must have restartPolicy Always. */
const ALWAYS_RESTARTED = new Set([
  'Deployment.apps',
  'ReplicaSet.apps',
  'StatefulSet.apps',
  'DaemonSet.apps',
  'ReplicationController',
]);

/** The spec checks of workloads, disruption budgets and autoscalers. */
export function workloadProblems(
  kind: string,
  spec: JsonObject,
  at: FieldPath,
  templateSpec: JsonObject | undefined,
  templateAt: FieldPath | undefined,
  out: Problems,
): void {
  if (REPLICATED.has(kind)) nonNegative(spec.replicas, at.child('replicas'), out);
  // A workload's pods are restarted by the kubelet and replaced by the controller: they must restart.
  const policy = templateSpec?.restartPolicy;
  if (ALWAYS_RESTARTED.has(kind) && templateAt && typeof policy === 'string' && policy !== '' && policy !== 'Always')
    out.push(notSupported(templateAt.child('restartPolicy'), policy, ['Always']));
  if (kind === 'Deployment.apps') rollingUpdateProblems(spec, at, out);
  if (kind === 'Job.batch') jobProblems(spec, at, true, out);
  if (kind === 'CronJob.batch') {
    for (const field of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])
      nonNegative(spec[field], at.child(field), out);
    const jobTemplate = isObject(spec.jobTemplate) ? spec.jobTemplate : {};
    if (isObject(jobTemplate.spec)) jobProblems(jobTemplate.spec, at.child('jobTemplate').child('spec'), false, out);
  }
  if (kind === 'PodDisruptionBudget.policy') budgetProblems(spec, at, out);
  if (kind === 'HorizontalPodAutoscaler.autoscaling') autoscalerProblems(spec, at, out);
}

/** `defaulted`: a Job's own spec, whose completions default to 1 (a CronJob's job template gets no defaults). */
function jobProblems(spec: JsonObject, at: FieldPath, defaulted: boolean, out: Problems): void {
  for (const field of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished'])
    nonNegative(spec[field], at.child(field), out);
  // Completions default to 1 only when parallelism is unset too.
  const unset = (value: unknown) => value === undefined || value === null;
  if (spec.completionMode === 'Indexed' && unset(spec.completions) && (!defaulted || !unset(spec.parallelism)))
    out.push(required(at.child('completions'), 'when completion mode is Indexed'));
}

/** An int-or-percent that is a count or share of pods: not negative, a percent string, at most 100% where `capped`. */
function podCountOrPercent(value: unknown, at: FieldPath, capped: boolean, out: Problems): void {
  if (isInteger(value)) nonNegative(value, at, out);
  else if (typeof value === 'string') {
    if (!/^[0-9]+%$/.test(value))
      out.push(invalid(at, value, "a valid percent string must be a numeric string followed by an ending '%'"));
    else if (capped && Number.parseInt(value, 10) > 100) out.push(invalid(at, value, 'must not be greater than 100%'));
  }
}

/** 0 and "0%" are both none. */
function isZero(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && /^0+%$/.test(value));
}

/** A rolling update moves: maxSurge and maxUnavailable are counts or percents, not both none. */
function rollingUpdateProblems(spec: JsonObject, at: FieldPath, out: Problems): void {
  const strategy = isObject(spec.strategy) ? spec.strategy : {};
  if (!isObject(strategy.rollingUpdate)) return;
  const rolling = strategy.rollingUpdate;
  const rollingAt = at.child('strategy').child('rollingUpdate');
  podCountOrPercent(rolling.maxUnavailable, rollingAt.child('maxUnavailable'), true, out);
  podCountOrPercent(rolling.maxSurge, rollingAt.child('maxSurge'), false, out);
  // Unset, each is 25%.
  if (isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge))
    out.push(invalid(rollingAt.child('maxUnavailable'), rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
}

function budgetProblems(spec: JsonObject, at: FieldPath, out: Problems): void {
  const both =
    spec.minAvailable !== undefined &&
    spec.minAvailable !== null &&
    spec.maxUnavailable !== undefined &&
    spec.maxUnavailable !== null;
  if (both)
    out.push(
      invalid(
        at,
        { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable },
        'minAvailable and maxUnavailable cannot be both set',
      ),
    );
  podCountOrPercent(spec.minAvailable, at.child('minAvailable'), true, out);
  podCountOrPercent(spec.maxUnavailable, at.child('maxUnavailable'), true, out);
}

const MAX_STABILIZATION_SECONDS = 3600;

/** autoscaling/v2: bounds in order, scaling rules within their limits, a utilization target that says how much. */
function autoscalerProblems(spec: JsonObject, at: FieldPath, out: Problems): void {
  const min = isInteger(spec.minReplicas) ? spec.minReplicas : 1;
  // Scaling to zero is behind a feature gate that is off by default.
  if (isInteger(spec.minReplicas) && spec.minReplicas < 1) {
    out.push(invalid(at.child('minReplicas'), spec.minReplicas, 'must be greater than or equal to 1'));
    const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
    if (spec.minReplicas === 0 && !metrics.some((m) => isObject(m) && (m.type === 'Object' || m.type === 'External')))
      out.push(
        forbidden(
          at.child('metrics'),
          'must specify at least one Object or External metric to support scaling to zero replicas',
        ),
      );
  }
  if (isInteger(spec.maxReplicas) && spec.maxReplicas < min)
    out.push(invalid(at.child('maxReplicas'), spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const behavior = isObject(spec.behavior) ? spec.behavior : {};
  for (const direction of ['scaleUp', 'scaleDown']) {
    const rules = behavior[direction];
    if (!isObject(rules)) continue;
    const rulesAt = at.child('behavior').child(direction);
    const window = rules.stabilizationWindowSeconds;
    if (isInteger(window) && window > MAX_STABILIZATION_SECONDS)
      out.push(
        invalid(
          rulesAt.child('stabilizationWindowSeconds'),
          window,
          `must be less than or equal to ${MAX_STABILIZATION_SECONDS}`,
        ),
      );
    eachObject(rules.policies, rulesAt.child('policies'), (policy, policyAt) => {
      if (isInteger(policy.value) && policy.value <= 0)
        out.push(invalid(policyAt.child('value'), policy.value, 'must be greater than zero'));
    });
  }
  eachObject(spec.metrics, at.child('metrics'), (metric, metricAt) => {
    for (const source of ['resource', 'containerResource']) {
      const resource = metric[source];
      if (!isObject(resource) || !isObject(resource.target)) continue;
      const target = resource.target;
      if (
        target.type === 'Utilization' &&
        (target.averageUtilization === undefined || target.averageUtilization === null)
      )
        out.push(
          required(
            metricAt.child(source).child('target').child('averageUtilization'),
            'must set either a target raw value or a target utilization',
          ),
        );
    }
  });
}

/** A ReplicationController's selector defaults to its template's labels; with neither there is none. */
export function replicationControllerProblems(
  spec: JsonObject,
  at: FieldPath,
  templateLabels: unknown,
  out: Problems,
): void {
  const empty = (value: unknown) => !isObject(value) || Object.keys(value).length === 0;
  if (empty(spec.selector) && empty(templateLabels)) out.push(required(at.child('selector')));
}
