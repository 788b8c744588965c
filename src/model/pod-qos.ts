/**
 * A pod's quality-of-service class, as the API server records it in `status.qosClass` when it
 * stores the pod and as the ResourceQuota `BestEffort` / `NotBestEffort` scopes read it
 * (`pkg/apis/core/v1/helper/qos` ComputePodQOS, Kubernetes 1.34, PodLevelResources on).
 *
 * Only cpu and memory count. A set of requirements (one container's `resources`, or the pod's
 * own `spec.resources`) is Guaranteed when its cpu and memory requests equal their limits and are
 * not zero, BestEffort when it asks for neither, Burstable otherwise. When the pod spec has
 * `resources` (even `{}`), that alone decides; else every init container and container must be
 * Guaranteed for the pod to be, or BestEffort for the pod to be; any mix is Burstable.
 *
 * Requests are read as the API server stores the Pod, limits standing in for missing requests,
 * and a quantity that does not parse counts as absent (see model/pod-resources.ts).
 */
import { isObject, objectAt, objectsAt } from './json.js';
import { compareQuantities, type Quantity } from './quantity.js';
import { containerLimit, containerRequest, podLevelLimits, podLevelRequests } from './pod-resources.js';
import { CPU, MEMORY } from './resource-names.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const ZERO: Quantity = { num: 0n, den: 1n, format: 'DecimalSI' };

/** The class of one set of requirements (a container's, or the pod-level ones), given its request and limit of a resource. */
function requirementsQos(
  request: (name: string) => Quantity | undefined,
  limit: (name: string) => Quantity | undefined,
): QosClass {
  let qos: QosClass | undefined;
  for (const name of [CPU, MEMORY]) {
    const req = request(name) ?? ZERO;
    const lim = limit(name) ?? ZERO;
    if (compareQuantities(req, lim) !== 0) return 'Burstable';
    const bestEffort = req.num === 0n;
    if (qos === undefined) qos = bestEffort ? 'BestEffort' : 'Guaranteed';
    else if (bestEffort !== (qos === 'BestEffort')) return 'Burstable';
  }
  // Set by the first name of the loop, or it returned.
  return qos!;
}

/** The QoS class of a pod, from its spec. */
export function qosClass(spec: Record<string, unknown>): QosClass {
  if (isObject(spec.resources)) {
    const requests = podLevelRequests(spec);
    const limits = podLevelLimits(spec);
    return requirementsQos(
      (name) => requests.get(name),
      (name) => limits.get(name),
    );
  }
  let pod: QosClass | undefined;
  for (const container of [...objectsAt(spec, 'initContainers'), ...objectsAt(spec, 'containers')]) {
    const own = requirementsQos(
      (name) => containerRequest(container, name),
      (name) => containerLimit(container, name),
    );
    if (pod === undefined) pod = own;
    else if (pod !== own) return 'Burstable';
  }
  return pod ?? 'BestEffort';
}

/** The class recorded in `status.qosClass` (it never changes after creation), else computed (GetPodQOS). */
export function podQosClass(pod: Record<string, unknown>): string {
  const recorded = objectAt(pod, 'status')?.qosClass;
  return typeof recorded === 'string' && recorded !== '' ? recorded : qosClass(objectAt(pod, 'spec') ?? {});
}
