import type { GroupKind } from '../group-kind.js';
import { isObject } from '../json.js';
import { compileLabelSelector, EVERYTHING, NOTHING, type Selector, selectorFromSet } from './label-selector.js';

/**
 * What an absent or empty selector means is decided by the object that reads it, as Kubernetes
 * decides it. This is the one table of those decisions; lint rules, controllers and the plan's
 * checks read selectors through the functions below, never on their own.
 *
 * | Consumer (field)                                  | absent or null               | `{}`                           |
 * |---------------------------------------------------|------------------------------|--------------------------------|
 * | Service `spec.selector` (map)                     | no managed endpoints         | no managed endpoints           |
 * | Service of `type: ExternalName`                   | no managed endpoints         | no managed endpoints           |
 * | ReplicationController `spec.selector` (map)       | the template's labels        | the template's labels          |
 * | Deployment, ReplicaSet, StatefulSet, DaemonSet, Rollout | refused (required)     | refused (empty selector)       |
 * | Job `spec.selector`                               | generated (controller-uid)   | refused unless generated       |
 * | PodDisruptionBudget `spec.selector` (policy/v1)   | selects no pod               | every pod of the namespace     |
 * | NetworkPolicy `spec.podSelector`                  | every pod of the namespace   | every pod of the namespace     |
 * | NetworkPolicy peer `podSelector`                  | not a pod constraint         | every pod (of the peer's namespaces) |
 * | NetworkPolicy peer `namespaceSelector`            | the policy's own namespace   | every namespace                |
 * | Pod affinity term `labelSelector`                 | selects no pod               | every pod                      |
 * | Pod affinity term `namespaceSelector`             | the listed (or own) namespaces | every namespace              |
 * | Topology spread constraint `labelSelector`        | selects no pod               | every pod                      |
 * | Pod `nodeSelector` (map)                          | no constraint                | no constraint                  |
 * | Pod required node affinity                        | no constraint                | (`nodeSelectorTerms: []` is refused; no term matches no node) |
 *
 * A selector that is present but invalid (see label-selector.ts) selects nothing for every
 * consumer, and validation reports it once; "refused" rows are reported by validation or by the
 * `selector-template-mismatch` rule, and the plan's controllers do not run such workloads.
 */

/** A consumer's selector, with why it selects nothing when it does. */
export interface ConsumerSelector {
  /** The compiled selector (NOTHING unless `state` is `set`). */
  readonly selector: Selector;
  /**
   * `set`: a selector to match; `none`: the consumer has no selector, which for it means "selects
   * no pod" (see the table); `invalid`: malformed or refused, selects nothing and is reported by
   * validation, so rules say nothing more about it.
   */
  readonly state: 'set' | 'none' | 'invalid';
}

const NONE: ConsumerSelector = { selector: NOTHING, state: 'none' };
const INVALID: ConsumerSelector = { selector: NOTHING, state: 'invalid' };

function specOf(object: unknown): Record<string, unknown> {
  return isObject(object) && isObject(object.spec) ? object.spec : {};
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

function compiled(selector: Selector): ConsumerSelector {
  return selector === null ? INVALID : { selector, state: 'set' };
}

/**
 * A core Service: the pods its endpoints come from. An ExternalName Service, or one without a
 * selector or with `{}` (the API server stores an empty map as absent, and the endpoint slice
 * controller skips a Service whose selector is nil), has no managed endpoints: `none`.
 */
export function serviceSelector(service: unknown): ConsumerSelector {
  const spec = specOf(service);
  if (spec.type === 'ExternalName' || absent(spec.selector)) return NONE;
  if (isObject(spec.selector) && Object.keys(spec.selector).length === 0) return NONE;
  return compiled(selectorFromSet(spec.selector));
}

/** A PodDisruptionBudget (policy/v1): absent selects no pod, `{}` every pod of its namespace. */
export function disruptionBudgetSelector(pdb: unknown): ConsumerSelector {
  const selector = specOf(pdb).selector;
  return absent(selector) ? NONE : compiled(compileLabelSelector(selector));
}

/** A NetworkPolicy's `spec.podSelector`: absent and `{}` both select every pod of its namespace. */
export function networkPolicyPodSelector(policy: unknown): ConsumerSelector {
  const selector = specOf(policy).podSelector;
  return absent(selector) ? { selector: EVERYTHING, state: 'set' } : compiled(compileLabelSelector(selector));
}

/**
 * The workloads whose selector is required and must not be empty (apps/v1, and Argo Rollouts,
 * which validates its selector as a Deployment's), by group and kind (model/group-kind.ts).
 */
const REQUIRED_NON_EMPTY: ReadonlySet<GroupKind> = new Set([
  'Deployment.apps',
  'ReplicaSet.apps',
  'StatefulSet.apps',
  'DaemonSet.apps',
  'Rollout.argoproj.io',
]);

/**
 * The selector a workload controller owns its pods by. For Deployment, ReplicaSet, StatefulSet
 * and DaemonSet an absent or empty selector is refused (`invalid`); a ReplicationController's
 * absent or empty selector is its template's labels (the API server's defaulting); a Job's is
 * generated by the API server (admission writes it before any controller reads it).
 */
export function workloadSelector(kind: GroupKind, workload: unknown): ConsumerSelector {
  const spec = specOf(workload);
  const raw = spec.selector;
  if (kind === 'ReplicationController') {
    if (absent(raw) || (isObject(raw) && Object.keys(raw).length === 0)) {
      const template = isObject(spec.template) ? spec.template : {};
      return compiled(selectorFromSet(isObject(template.metadata) ? (template.metadata.labels ?? {}) : {}));
    }
    return compiled(selectorFromSet(raw));
  }
  if (absent(raw)) return REQUIRED_NON_EMPTY.has(kind) ? INVALID : NONE;
  const selector = compileLabelSelector(raw);
  if (REQUIRED_NON_EMPTY.has(kind) && selector !== null && selector.length === 0) return INVALID;
  return compiled(selector);
}
