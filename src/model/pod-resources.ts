/**
 * What a pod requests and limits in total, as Kubernetes' resource helpers add it up
 * (`k8s.io/component-helpers/resource` PodRequests and PodLimits, Kubernetes 1.34 with
 * PodLevelResources on):
 *
 * 1. the containers are summed;
 * 2. each sidecar (an init container with `restartPolicy: Always`) runs for the pod's whole life,
 *    so it adds to that sum, and it also runs beside every init container declared after it;
 * 3. an ordinary init container runs alone with the sidecars started before it: the largest such
 *    init step is taken when it is bigger than the sum (resource by resource);
 * 4. pod-level values (`spec.resources`) replace the container total of the resources pod-level
 *    resources support (cpu, memory, hugepages-*);
 * 5. `spec.overhead` (set by the pod's RuntimeClass) is added to every request, and to the limits
 *    that are set and not zero.
 *
 * Three parts of Kubernetes use these totals with different options, named below:
 * kube-scheduler (`SCHEDULER`, plus the 100m / 200Mi stand-ins of `nonMissingContainerRequests`
 * for scoring), the ResourceQuota pod evaluator (`QUOTA`), and LimitRanger's own copy of the
 * helpers for `type: Pod` items (`LIMIT_RANGER`: no overhead, pod-level cpu and memory only).
 *
 * Every total describes the pod as the API server stores it. Before anything else sees a Pod,
 * its defaulting (SetDefaults_Pod) gives each container the requests it leaves out from its
 * limits, and, when pod-level limits are set, gives the pod-level requests it leaves out from the
 * containers' total (cpu, memory) or from the pod-level limits. `containerRequests` and
 * `podLevelRequests` read a spec that way: for a stored Pod this changes nothing; for a spec that
 * never went through the API server (a pod handed to the scheduler library, a pod template) it
 * gives what the stored Pod will request.
 *
 * A quantity that does not parse is left out, as if absent. The API server refuses such an
 * object (schema validation reports it and the plan leaves the object out), so a simulated pod
 * never holds one; leaving it out keeps odd input from crashing anything.
 */
import { isObject, objectAt, objectsAt } from './json.js';
import { addQuantities, compareQuantities, parseQuantity, type Quantity } from './quantity.js';
import { CPU, isHugePageResourceName, MEMORY } from './resource-names.js';

/** Resource name → quantity, as a container or pod states it, in the order written. */
export type ResourceList = Map<string, Quantity>;

export interface PodResourcesOptions {
  /** Leave `spec.overhead` out (LimitRanger's copy never adds it). */
  excludeOverhead?: boolean;
  /** The pod-level resources that replace the container total; component-helpers' set by default. */
  podLevelResource?: (name: string) => boolean;
  /**
   * Added to each container's requests for the resources it does not state at all (a stated
   * zero stays zero): kube-scheduler's 100m cpu / 200Mi memory for scoring. Requests only.
   */
  nonMissingContainerRequests?: ResourceList;
}

/** Resource names pod-level `requests` and `limits` may hold (component-helpers IsSupportedPodLevelResource). */
export function isSupportedPodLevelResource(name: string): boolean {
  return name === CPU || name === MEMORY || isHugePageResourceName(name);
}

/** LimitRanger's own, older list: only cpu and memory replace the container total. */
function cpuOrMemory(name: string): boolean {
  return name === CPU || name === MEMORY;
}

/** kube-scheduler's NodeResourcesFit and node accounting: the helpers' defaults. */
export const SCHEDULER: PodResourcesOptions = {};
/** The ResourceQuota pod evaluator (`pkg/quota/v1/evaluator/core/pods.go`): the helpers' defaults. */
export const QUOTA: PodResourcesOptions = {};
/** LimitRanger's `podRequests` / `podLimits` (`plugin/pkg/admission/limitranger`). */
export const LIMIT_RANGER: PodResourcesOptions = { excludeOverhead: true, podLevelResource: cpuOrMemory };

/** A map of quantities (`requests`, `overhead`, a quota's `hard`); a value that does not parse is left out. */
export function resourceList(values: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!isObject(values)) return list;
  for (const [name, raw] of Object.entries(values)) {
    const q = parseQuantity(raw);
    if (q) list.set(name, q);
  }
  return list;
}

/** `resources.requests` or `resources.limits` of `holder` (a container, or the pod spec for pod-level ones), as written. */
function resourcesAt(holder: Record<string, unknown>, field: 'requests' | 'limits'): ResourceList {
  return resourceList(objectAt(objectAt(holder, 'resources') ?? {}, field));
}

/** A container's requests as stored: those it states, and its limits for the resources it does not request. */
export function containerRequests(container: Record<string, unknown>): ResourceList {
  const requests = resourcesAt(container, 'requests');
  for (const [name, q] of resourcesAt(container, 'limits')) if (!requests.has(name)) requests.set(name, q);
  return requests;
}

/** `resources[field][name]` of a container (or of the pod spec), when it is a quantity. */
function quantityAt(holder: Record<string, unknown>, field: 'requests' | 'limits', name: string): Quantity | undefined {
  const list = objectAt(objectAt(holder, 'resources') ?? {}, field);
  return list && Object.hasOwn(list, name) ? parseQuantity(list[name]) : undefined;
}

/** One resource of a container's requests as stored (its limit when it states no request), without reading the rest. */
export function containerRequest(container: Record<string, unknown>, name: string): Quantity | undefined {
  return quantityAt(container, 'requests', name) ?? quantityAt(container, 'limits', name);
}

/** One resource of a container's limits. */
export function containerLimit(container: Record<string, unknown>, name: string): Quantity | undefined {
  return quantityAt(container, 'limits', name);
}

/** A container's limits. */
export function containerLimits(container: Record<string, unknown>): ResourceList {
  return resourcesAt(container, 'limits');
}

/** The pod-level limits (`spec.resources.limits`). */
export function podLevelLimits(spec: Record<string, unknown>): ResourceList {
  return resourcesAt(spec, 'limits');
}

/**
 * The pod-level requests as stored (`spec.resources.requests` after defaultPodRequests): with
 * pod-level limits set, a supported resource the pod-level requests leave out takes the
 * containers' total when they request it (hugepages excepted), else the pod-level limit.
 */
export function podLevelRequests(spec: Record<string, unknown>): ResourceList {
  const requests = resourcesAt(spec, 'requests');
  const limits = podLevelLimits(spec);
  if (limits.size === 0) return requests;
  for (const [name, q] of aggregateContainers(spec, containerRequests, undefined))
    if (!requests.has(name) && isSupportedPodLevelResource(name) && !isHugePageResourceName(name))
      requests.set(name, q);
  for (const [name, q] of limits) if (!requests.has(name) && isSupportedPodLevelResource(name)) requests.set(name, q);
  return requests;
}

/** `list += other`, keeping the format of the value already there (Kubernetes `Add` keeps the receiver's). */
function addInto(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const current = list.get(name);
    list.set(name, current ? addQuantities(current, q) : q);
  }
}

/** `list = max(list, other)` resource by resource. */
function maxInto(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const current = list.get(name);
    if (!current || compareQuantities(q, current) > 0) list.set(name, q);
  }
}

function withNonMissing(own: ResourceList, nonMissing: ResourceList | undefined): ResourceList {
  if (!nonMissing?.size) return own;
  const out = new Map(own);
  for (const [name, q] of nonMissing) if (!out.has(name)) out.set(name, q);
  return out;
}

/** Steps 1 to 3: the containers' total of what `read` gives for each. */
function aggregateContainers(
  spec: Record<string, unknown>,
  read: (container: Record<string, unknown>) => ResourceList,
  nonMissing: ResourceList | undefined,
): ResourceList {
  const total: ResourceList = new Map();
  for (const container of objectsAt(spec, 'containers')) addInto(total, withNonMissing(read(container), nonMissing));
  const sidecars: ResourceList = new Map();
  const initSteps: ResourceList = new Map();
  for (const container of objectsAt(spec, 'initContainers')) {
    const own = withNonMissing(read(container), nonMissing);
    if (container.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      // Starting this sidecar is itself a step: all the sidecars so far run.
      maxInto(initSteps, sidecars);
    } else {
      const step: ResourceList = new Map(own);
      addInto(step, sidecars);
      maxInto(initSteps, step);
    }
  }
  maxInto(total, initSteps);
  return total;
}

/** Step 4: pod-level values replace the total, for the resources pod-level resources support. */
function applyPodLevel(total: ResourceList, podLevel: ResourceList, options: PodResourcesOptions): void {
  const supported = options.podLevelResource ?? isSupportedPodLevelResource;
  for (const [name, q] of podLevel) if (supported(name)) total.set(name, q);
}

/** A pod's total requests (component-helpers PodRequests), from its spec. */
export function podRequests(spec: Record<string, unknown>, options: PodResourcesOptions = SCHEDULER): ResourceList {
  const total = aggregateContainers(spec, containerRequests, options.nonMissingContainerRequests);
  applyPodLevel(total, podLevelRequests(spec), options);
  if (!options.excludeOverhead) addInto(total, resourceList(spec.overhead));
  return total;
}

/** A pod's total limits (component-helpers PodLimits), from its spec. */
export function podLimits(spec: Record<string, unknown>, options: PodResourcesOptions = QUOTA): ResourceList {
  const total = aggregateContainers(spec, containerLimits, undefined);
  applyPodLevel(total, podLevelLimits(spec), options);
  if (!options.excludeOverhead) {
    // No limit means unlimited, and a zero limit stays as it is: overhead only raises a real limit.
    for (const [name, q] of resourceList(spec.overhead)) {
      const limit = total.get(name);
      if (limit && limit.num !== 0n) total.set(name, addQuantities(limit, q));
    }
  }
  return total;
}

/** Whether the pod-level requests (as stored) name a resource pod-level resources support (IsPodLevelRequestsSet). */
export function isPodLevelRequestsSet(spec: Record<string, unknown>): boolean {
  return [...podLevelRequests(spec).keys()].some(isSupportedPodLevelResource);
}
