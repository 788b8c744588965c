/**
 * Resource amounts as kube-scheduler counts them: CPU in millicores, everything else in whole units
 * (bytes, devices), each rounded up once, on the pod's total (Kubernetes MilliValue / Value). The
 * totals themselves are model/pod-resources.ts (component-helpers PodRequests); this file only
 * turns them into the integers the scheduler's hot loops add and compare.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { asObject, isObject } from '../../model/json.js';
import { cached } from '../../model/maps.js';
import { isPodLevelRequestsSet, podRequests, type ResourceList, SCHEDULER } from '../../model/pod-resources.js';
import { integerValue, milliValue, parseQuantity, type Quantity } from '../../model/quantity.js';
import { CPU, EPHEMERAL_STORAGE, isScalarResourceName, MEMORY, PODS } from '../../model/resource-names.js';

/** An unset container CPU request counts as 100m for scoring (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** An unset container memory request counts as 200Mi for scoring (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
/** The kubelet's default maxPods: used when a node reports neither allocatable nor capacity pods, and for node groups. */
export const DEFAULT_MAX_PODS = 110;

const DEFAULT_CPU: Quantity = { num: BigInt(DEFAULT_MILLI_CPU_REQUEST), den: 1000n, format: 'DecimalSI' };
const DEFAULT_MEMORY: Quantity = { num: BigInt(DEFAULT_MEMORY_REQUEST), den: 1n, format: 'DecimalSI' };

/** The resources kube-scheduler tracks per node: cpu, memory, ephemeral-storage and scalar ones. */
export function isTrackedResource(name: string): boolean {
  return name === CPU || name === MEMORY || name === EPHEMERAL_STORAGE || isScalarResourceName(name);
}

/** CPU in millicores, other resources in units, rounded up. */
function toUnits(name: string, q: Quantity): number {
  return name === CPU ? milliValue(q) : integerValue(q);
}

export interface SchedulingRequests {
  /** Actual requests per tracked resource (units as above), zero entries omitted. */
  requests: Map<string, number>;
  /** CPU and memory with the 100m / 200Mi stand-in for each container that does not state them. */
  nonZeroCpu: number;
  nonZeroMemory: number;
  /**
   * CPU and memory as NodeResourcesFit's LeastAllocated score counts them for the pod being
   * scheduled: the containers with the 100m / 200Mi stand-ins and the overhead, pod-level requests
   * left out. Unlike NodeInfo's count above and BalancedAllocation, kube-scheduler v1.36 builds the
   * Fit plugin's scorer without the PodLevelResources feature, so it never reads spec.resources.
   */
  leastAllocatedCpu: number;
  leastAllocatedMemory: number;
}

/**
 * The stand-ins NodeInfo uses for scoring (getNonMissingContainerRequests): each container
 * without a cpu or memory request counts 100m / 200Mi. With pod-level requests, only for a
 * resource requested at neither level (nor by the overhead).
 */
function nonMissingRequests(requests: ResourceList, podLevelSet: boolean): ResourceList {
  const out: ResourceList = new Map();
  if (!podLevelSet || !requests.has(CPU)) out.set(CPU, DEFAULT_CPU);
  if (!podLevelSet || !requests.has(MEMORY)) out.set(MEMORY, DEFAULT_MEMORY);
  return out;
}

/**
 * Everything schedulingRequests() reads, as text: pods whose resources are written alike (the pods of one
 * ReplicaSet) have the same, and so the same requests. Values JSON leaves out (undefined,
 * functions) are spelled out, as schedulingRequests() tells them apart; undefined when the spec cannot be
 * written out faithfully (a cycle, a bigint, an object that writes itself as something else).
 */
export function requestsKey(pod: IPod): string | undefined {
  const spec = asObject(pod?.spec) ?? {};
  const containers = (list: unknown): unknown[] =>
    Array.isArray(list) ? list.map((c) => (isObject(c) ? [c.resources, c.restartPolicy === 'Always'] : null)) : [];
  const parts = [containers(spec.containers), containers(spec.initContainers), spec.resources, spec.overhead];
  let faithful = true;
  try {
    const text = JSON.stringify(parts, function (this: Record<string, unknown>, key: string, v: unknown) {
      // toJSON has already replaced the value: the holder still has the original.
      if (this[key] !== v) faithful = false;
      return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? `\u0000${typeof v}` : v;
    });
    return faithful ? text : undefined;
  } catch {
    return undefined;
  }
}

/** What a pod takes of a node (NodeResourcesFit) and what scoring counts for it (NodeInfo.NonZeroRequested). */
export function schedulingRequests(pod: IPod): SchedulingRequests {
  const spec = asObject(pod?.spec) ?? {};
  const actual = podRequests(spec, SCHEDULER);
  const nonMissing = nonMissingRequests(actual, isPodLevelRequestsSet(spec));
  const nonZero = nonMissing.size
    ? podRequests(spec, { ...SCHEDULER, nonMissingContainerRequests: nonMissing })
    : actual;
  const requests = new Map<string, number>();
  for (const [name, q] of actual) {
    if (!isTrackedResource(name)) continue;
    const units = toUnits(name, q);
    if (units > 0) requests.set(name, units);
  }
  const cpu = nonZero.get(CPU);
  const memory = nonZero.get(MEMORY);
  const containersOnly = isPodLevelRequestsSet(spec)
    ? podRequests(spec, {
        ...SCHEDULER,
        podLevelResource: () => false,
        nonMissingContainerRequests: nonMissingRequests(actual, false),
      })
    : nonZero;
  const scoreCpu = containersOnly.get(CPU);
  const scoreMemory = containersOnly.get(MEMORY);
  return {
    requests,
    nonZeroCpu: cpu ? milliValue(cpu) : 0,
    nonZeroMemory: memory ? integerValue(memory) : 0,
    leastAllocatedCpu: scoreCpu ? milliValue(scoreCpu) : 0,
    leastAllocatedMemory: scoreMemory ? integerValue(scoreMemory) : 0,
  };
}

/**
 * schedulingRequests() for many pods, read once per way of writing their resources (requestsKey):
 * the pods of one ReplicaSet share one SchedulingRequests, which callers may key caches by.
 */
export function requestsReader(): (pod: IPod) => SchedulingRequests {
  const byKey = new Map<string, SchedulingRequests>();
  return (pod) => {
    const key = requestsKey(pod);
    return key === undefined ? schedulingRequests(pod) : cached(byKey, key, () => schedulingRequests(pod));
  };
}

/**
 * A node's allocatable resources: status.allocatable, each missing entry taken from status.capacity,
 * pods defaulting to 110. An unparsable or negative quantity counts as 0.
 */
export function nodeAllocatable(node: INode): { resources: Map<string, number>; pods: number } {
  const status = isObject(node?.status) ? node.status : {};
  const allocatable = isObject(status.allocatable) ? status.allocatable : {};
  const capacity = isObject(status.capacity) ? status.capacity : {};
  const resources = new Map<string, number>();
  let pods = DEFAULT_MAX_PODS;
  for (const name of new Set([...Object.keys(capacity), ...Object.keys(allocatable)])) {
    const raw = Object.hasOwn(allocatable, name) ? allocatable[name] : capacity[name];
    const q = parseQuantity(raw);
    const units = q && q.num > 0n ? toUnits(name, q) : 0;
    if (name === PODS) pods = units;
    else if (isTrackedResource(name)) resources.set(name, units);
  }
  return { resources, pods };
}
