/**
 * Everything the scheduler needs from a pod, read once: requests, host ports, tolerations, node
 * affinity, inter-pod affinity terms and spread constraints. Odd shapes never throw: a field of the
 * wrong type reads as absent.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import { cached } from '../../model/maps.js';
import { requestsReader, type SchedulingRequests, schedulingRequests } from './resources.js';
import { asArray, asString, asStringMap, dig, isObject } from '../../model/json.js';
import { controllerRefOf } from '../../model/owner-chain.js';
import { isTerminating } from '../../model/pod-phase.js';
import {
  type Labels,
  NOTHING,
  type Selector,
  andSelectors,
  compileLabelSelector,
  selectorKey,
  selectorMatches,
} from '../../model/selectors/label-selector.js';
import { type Toleration, readTolerations } from '../../model/selectors/tolerations.js';
import { DEFAULT_NAMESPACE } from '../../model/namespace-scope.js';

export interface AffinityTerm {
  /** The namespaces listed (or the owner pod's own namespace when none and no namespaceSelector). */
  namespaces: ReadonlySet<string>;
  /** namespaceSelector; NOTHING when unset. */
  namespaceSelector: Selector;
  selector: Selector;
  topologyKey: string;
  /** Identifies terms that select the same pods, so they can share counters. */
  key: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  hard: boolean;
  selector: Selector;
  /** selectorKey(selector), computed once. */
  selectorKey: string;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: IPod;
  namespace: string;
  name: string;
  labels: Labels;
  priority: number;
  /** Pods being deleted are not counted by topology spreading. */
  terminating: boolean;
  /** status.startTime in ms; +Infinity when unknown (preemption treats such pods as the newest). */
  startTime: number;
  preemptNever: boolean;
  gated: boolean;
  nodeName: string;
  resources: SchedulingRequests;
  hostPorts: HostPort[];
  /** Images of init containers and containers, in that order (ImageLocality). */
  images: string[];
  tolerations: Toleration[];
  /** Pod spec parts that node-static filters and scores depend on; pods with equal keys share results. */
  shapeKey: string;
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
  /** spec.topologySpreadConstraints (both kinds); empty when none. */
  spread: SpreadConstraint[];
  /** The controller owner reference (for system-default spreading). */
  owner: { apiVersion: string; kind: string; name: string } | undefined;
}

function intOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

function affinityTerm(raw: unknown, ownNamespace: string): AffinityTerm | undefined {
  if (!isObject(raw)) return undefined;
  const listed = asArray(raw.namespaces).filter((n): n is string => typeof n === 'string');
  const hasNamespaceSelector = raw.namespaceSelector !== undefined && raw.namespaceSelector !== null;
  const namespaces = new Set(listed.length === 0 && !hasNamespaceSelector ? [ownNamespace] : listed);
  const namespaceSelector = hasNamespaceSelector ? compileLabelSelector(raw.namespaceSelector) : NOTHING;
  const selector = compileLabelSelector(raw.labelSelector);
  const topologyKey = asString(raw.topologyKey) ?? '';
  const key = `${[...namespaces].sort().join(',')}|${selectorKey(namespaceSelector)}|${selectorKey(selector)}`;
  return { namespaces, namespaceSelector, selector, topologyKey, key };
}

function terms(raw: unknown, ns: string): AffinityTerm[] {
  return asArray(raw)
    .map((t) => affinityTerm(t, ns))
    .filter((t): t is AffinityTerm => t !== undefined);
}

function weightedTerms(raw: unknown, ns: string): WeightedAffinityTerm[] {
  const out: WeightedAffinityTerm[] = [];
  for (const w of asArray(raw)) {
    if (!isObject(w)) continue;
    const t = affinityTerm(w.podAffinityTerm, ns);
    if (t) out.push({ ...t, weight: intOr(w.weight, 0) });
  }
  return out;
}

/** A term selects a pod when the pod's namespace is listed or matches namespaceSelector, and its labels match. */
export function termMatches(term: AffinityTerm, pod: PodInfo, namespaceLabels: (ns: string) => Labels): boolean {
  const inNamespace =
    term.namespaces.has(pod.namespace) ||
    (term.namespaceSelector !== null && selectorMatches(term.namespaceSelector, namespaceLabels(pod.namespace)));
  return inNamespace && selectorMatches(term.selector, pod.labels);
}

function spreadConstraints(raw: unknown, podLabels: Labels): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const c of asArray(raw)) {
    if (!isObject(c)) continue;
    let selector = compileLabelSelector(c.labelSelector);
    // matchLabelKeys: the pod's own values for those keys narrow the selector.
    const extra: Record<string, string> = {};
    for (const key of asArray(c.matchLabelKeys)) {
      if (typeof key === 'string' && Object.hasOwn(podLabels, key)) extra[key] = podLabels[key]!;
    }
    if (Object.keys(extra).length > 0) {
      selector = andSelectors(
        selector,
        Object.entries(extra).map(([key, value]) => ({ key, op: 'In' as const, values: [value] })),
      );
    }
    out.push({
      maxSkew: intOr(c.maxSkew, 1),
      topologyKey: asString(c.topologyKey) ?? '',
      hard: c.whenUnsatisfiable !== 'ScheduleAnyway',
      selector,
      selectorKey: selectorKey(selector),
      minDomains: intOr(c.minDomains, 1),
      honorNodeAffinity: c.nodeAffinityPolicy !== 'Ignore',
      honorNodeTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  return out;
}

function hostPorts(spec: Record<string, unknown>): HostPort[] {
  const out: HostPort[] = [];
  const collect = (container: unknown): void => {
    if (!isObject(container)) return;
    for (const p of asArray(container.ports)) {
      if (!isObject(p)) continue;
      const port = intOr(p.hostPort, 0);
      if (port <= 0) continue;
      out.push({ ip: asString(p.hostIP) || '0.0.0.0', protocol: asString(p.protocol) || 'TCP', port });
    }
  };
  // Sidecars (restartable init containers) hold their ports for the pod's whole life.
  for (const c of asArray(spec.initContainers)) if (isObject(c) && c.restartPolicy === 'Always') collect(c);
  for (const c of asArray(spec.containers)) collect(c);
  return out;
}

function startTime(status: unknown): number {
  if (!isObject(status) || typeof status.startTime !== 'string') return Number.POSITIVE_INFINITY;
  const t = Date.parse(status.startTime);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * What each pod object reads as, kept across scheduling runs: the plan calls the scheduler once
 * per controller round with every bound pod, and the stored pods never change (the simulation
 * replaces a pod object rather than editing it), so a pod is read once, not once a round.
 */
const readPods = new WeakMap<object, PodInfo>();

/**
 * The PodInfo last read for each pod spec. A new version of a pod that keeps its metadata and
 * spec objects (a pending pod given its FailedScheduling status) reads as the earlier version
 * except for what comes from elsewhere: the pod itself, its status and its requests (which are
 * shared per scheduling run, see podReader).
 */
const readSpecs = new WeakMap<object, PodInfo>();

/**
 * Reads pods for one scheduling run. Pods whose resources are written alike share one SchedulingRequests
 * (parsing quantities is the costly part of reading a pod): callers may key caches by it.
 */
export function podReader(): (pod: IPod) => PodInfo {
  const requestsOf = requestsReader();
  const read = (pod: IPod): PodInfo => {
    const info = readAgain(pod, requestsOf) ?? podInfo(pod, requestsOf);
    if (isObject(pod.spec)) readSpecs.set(pod.spec, info);
    return info;
  };
  return (pod) => {
    if (pod === null || typeof pod !== 'object') return podInfo(pod, requestsOf);
    return cached(readPods, pod, () => read(pod));
  };
}

/** The PodInfo of an earlier version of the pod with the same metadata and spec, updated; else undefined. */
function readAgain(pod: IPod, requestsOf: (pod: IPod) => SchedulingRequests): PodInfo | undefined {
  const earlier = isObject(pod.spec) ? readSpecs.get(pod.spec) : undefined;
  if (earlier === undefined || earlier.pod.metadata !== pod.metadata || !isObject(pod.metadata)) return undefined;
  // Everything else in a PodInfo comes from the metadata and the spec.
  return { ...earlier, pod, startTime: startTime(pod.status), resources: requestsOf(pod) };
}

export function podInfo(pod: IPod, requestsOf: (pod: IPod) => SchedulingRequests = schedulingRequests): PodInfo {
  const meta = isObject(pod?.metadata) ? pod.metadata : {};
  const spec: Record<string, unknown> = isObject(pod?.spec) ? (pod.spec as Record<string, unknown>) : {};
  const namespace = asString(meta.namespace) || DEFAULT_NAMESPACE;
  const labels = asStringMap(meta.labels);
  const affinity = isObject(spec.affinity) ? spec.affinity : {};
  const podAffinity = isObject(affinity.podAffinity) ? affinity.podAffinity : {};
  const podAntiAffinity = isObject(affinity.podAntiAffinity) ? affinity.podAntiAffinity : {};
  const tolerations = readTolerations(spec.tolerations);
  return {
    pod,
    namespace,
    name: asString(meta.name) ?? '',
    labels,
    priority: intOr(spec.priority, 0),
    terminating: isTerminating(pod),
    startTime: startTime(pod?.status),
    preemptNever: spec.preemptionPolicy === 'Never',
    gated: asArray(spec.schedulingGates).length > 0,
    nodeName: asString(spec.nodeName) ?? '',
    resources: requestsOf(pod),
    hostPorts: hostPorts(spec),
    images: [...asArray(spec.initContainers), ...asArray(spec.containers)].map((c) => asString(dig(c, 'image')) ?? ''),
    tolerations,
    shapeKey: JSON.stringify([
      spec.nodeSelector ?? null,
      affinity.nodeAffinity ?? null,
      tolerations,
      asString(spec.nodeName) ?? '',
    ]),
    requiredAffinity: terms(podAffinity.requiredDuringSchedulingIgnoredDuringExecution, namespace),
    requiredAntiAffinity: terms(podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution, namespace),
    preferredAffinity: weightedTerms(podAffinity.preferredDuringSchedulingIgnoredDuringExecution, namespace),
    preferredAntiAffinity: weightedTerms(podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution, namespace),
    spread: spreadConstraints(spec.topologySpreadConstraints, labels),
    // Always present, so every PodInfo has the same hidden class (the hot loops stay monomorphic).
    owner: controllerRefOf(pod),
  };
}
