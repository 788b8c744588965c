/**
 * Resource amounts as kube-scheduler counts them: CPU in millicores, everything else in whole units
 * (bytes, devices), both rounded up, as Kubernetes' MilliValue/Value do. A pod's request follows
 * component-helpers/resource PodRequests: containers summed, sidecars (restartable init containers)
 * added, each ordinary init container counted with the sidecars declared before it, the maximum of
 * the two taken, pod-level requests (cpu, memory) overriding, then spec.overhead added.
 * Sums are exact rationals so that rounding happens once, on the total, as in Go.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import { parseQuantity } from '../../model/quantity.js';
import { asObject, isObject } from '../../model/json.js';

export const CPU = 'cpu';
export const MEMORY = 'memory';
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
export const PODS = 'pods';

/** An unset container CPU request counts as 100m for scoring (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** An unset container memory request counts as 200Mi for scoring (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
/** Used when a node reports neither allocatable nor capacity pods. */
export const DEFAULT_MAX_PODS = 110;

/** v1helper.IsScalarResourceName: extended resources, hugepages-*, attachable-volumes-*, kubernetes.io/ names. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (name.includes('kubernetes.io/')) return true;
  // Extended: has a domain, is not a native resource, is not a quota "requests." name.
  return name.includes('/') && !name.startsWith('requests.');
}

/** The resources kube-scheduler tracks per node: cpu, memory, ephemeral-storage and scalar ones. */
export function isTrackedResource(name: string): boolean {
  return name === CPU || name === MEMORY || name === EPHEMERAL_STORAGE || isScalarResourceName(name);
}

interface Rational {
  num: bigint;
  den: bigint;
}

const ZERO: Rational = { num: 0n, den: 1n };

function add(a: Rational, b: Rational): Rational {
  return a.den === b.den
    ? { num: a.num + b.num, den: a.den }
    : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function greater(a: Rational, b: Rational): boolean {
  return a.num * b.den > b.num * a.den;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** CPU in millicores, other resources in units, rounded up; 0 for a quantity that does not parse. */
export function toUnits(name: string, value: Rational): number {
  return Number(name === CPU ? ceilDiv(value.num * 1000n, value.den) : ceilDiv(value.num, value.den));
}

function parse(value: unknown): Rational | undefined {
  const q = parseQuantity(value);
  return q ? { num: q.num, den: q.den } : undefined;
}

type RList = Map<string, Rational>;

/** A container's requests, defaulted from its limits where unset (as the API server does). */
function containerRequests(container: unknown): RList {
  const out: RList = new Map();
  if (!isObject(container) || !isObject(container.resources)) return out;
  const { requests, limits } = container.resources;
  if (isObject(limits)) {
    for (const [name, raw] of Object.entries(limits)) {
      const q = parse(raw);
      if (q) out.set(name, q);
    }
  }
  if (isObject(requests)) {
    for (const [name, raw] of Object.entries(requests)) {
      // An unparsable quantity counts as zero: it is still "set", so no default replaces it.
      out.set(name, parse(raw) ?? ZERO);
    }
  }
  return out;
}

function addInto(target: RList, source: RList): void {
  for (const [name, q] of source) target.set(name, add(target.get(name) ?? ZERO, q));
}

function maxInto(target: RList, source: RList): void {
  for (const [name, q] of source) {
    const current = target.get(name);
    if (!current || greater(q, current)) target.set(name, q);
  }
}

function withDefaults(reqs: RList, defaults: RList | undefined): RList {
  if (!defaults) return reqs;
  const out = new Map(reqs);
  for (const [name, q] of defaults) if (!out.has(name)) out.set(name, q);
  return out;
}

const NON_ZERO_DEFAULTS: RList = new Map([
  [CPU, { num: BigInt(DEFAULT_MILLI_CPU_REQUEST), den: 1000n }],
  [MEMORY, { num: BigInt(DEFAULT_MEMORY_REQUEST), den: 1n }],
]);

function aggregate(spec: Record<string, unknown>, defaults: RList | undefined): RList {
  const reqs: RList = new Map();
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  for (const c of containers) addInto(reqs, withDefaults(containerRequests(c), defaults));
  const sidecars: RList = new Map();
  const initMax: RList = new Map();
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  for (const c of inits) {
    const own = withDefaults(containerRequests(c), defaults);
    if (isObject(c) && c.restartPolicy === 'Always') {
      // A sidecar runs for the pod's whole life: it adds to the sum and to every later init step.
      addInto(reqs, own);
      addInto(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const step: RList = new Map();
      addInto(step, own);
      addInto(step, sidecars);
      maxInto(initMax, step);
    }
  }
  maxInto(reqs, initMax);
  return reqs;
}

/** Pod-level requests of cpu and memory (spec.resources.requests) override the container sums. */
function podLevelRequests(spec: Record<string, unknown>): RList | undefined {
  if (!isObject(spec.resources) || !isObject(spec.resources.requests)) return undefined;
  const out: RList = new Map();
  for (const name of [CPU, MEMORY]) {
    const raw = spec.resources.requests[name];
    if (raw !== undefined) out.set(name, parse(raw) ?? ZERO);
  }
  return out.size > 0 ? out : undefined;
}

function finish(reqs: RList, spec: Record<string, unknown>, podLevel: RList | undefined): RList {
  if (podLevel) for (const [name, q] of podLevel) reqs.set(name, q);
  if (isObject(spec.overhead)) {
    for (const [name, raw] of Object.entries(spec.overhead)) {
      const q = parse(raw);
      if (q) reqs.set(name, add(reqs.get(name) ?? ZERO, q));
    }
  }
  return reqs;
}

export interface PodRequests {
  /** Actual requests per tracked resource (units as above), zero entries omitted. */
  requests: Map<string, number>;
  /** CPU and memory with the 100m / 200Mi default for each container that does not set them. */
  nonZeroCpu: number;
  nonZeroMemory: number;
}

/**
 * Everything podRequests() reads, as text: pods whose resources are written alike (the pods of one
 * ReplicaSet) have the same, and so the same requests. Values JSON leaves out (undefined,
 * functions) are spelled out, as podRequests() tells them apart; undefined when the spec cannot be
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

export function podRequests(pod: IPod): PodRequests {
  const spec = isObject(pod?.spec) ? (pod.spec as Record<string, unknown>) : {};
  const podLevel = podLevelRequests(spec);
  const actual = finish(aggregate(spec, undefined), spec, podLevel);
  // With pod-level requests, a default applies only to a resource set at neither level.
  let defaults: RList = NON_ZERO_DEFAULTS;
  if (podLevel) {
    defaults = new Map([...NON_ZERO_DEFAULTS].filter(([name]) => !actual.has(name)));
  }
  const nonZero = finish(aggregate(spec, defaults), spec, podLevel);
  const requests = new Map<string, number>();
  for (const [name, q] of actual) {
    if (!isTrackedResource(name)) continue;
    const units = toUnits(name, q);
    if (units > 0) requests.set(name, units);
  }
  return {
    requests,
    nonZeroCpu: toUnits(CPU, nonZero.get(CPU) ?? ZERO),
    nonZeroMemory: toUnits(MEMORY, nonZero.get(MEMORY) ?? ZERO),
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
    const raw = name in allocatable ? allocatable[name] : capacity[name];
    const q = parse(raw);
    const units = q && q.num > 0n ? toUnits(name, q) : 0;
    if (name === PODS) pods = units;
    else if (isTrackedResource(name)) resources.set(name, units);
  }
  return { resources, pods };
}
