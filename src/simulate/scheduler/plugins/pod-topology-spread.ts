/**
 * PodTopologySpread. Filter (whenUnsatisfiable: DoNotSchedule): for each constraint, matching pods
 * in the node's domain + 1 if the pod matches its own selector − the minimum over eligible domains
 * must not exceed maxSkew; the minimum is 0 while fewer than minDomains domains exist. Eligible nodes
 * have every constraint's topology label and pass the inclusion policies (node affinity honoured by
 * default, taints ignored by default). A node without the label is rejected as unresolvable.
 * Score (ScheduleAnyway, or the system defaults): Σ count × log(domains + 2) + (maxSkew − 1) per
 * constraint, rounded, then normalised so that fewer matching pods score higher.
 */
import type { Cluster, Matcher, Topology } from '../cluster.js';
import { type DomainMap, domainMap, sumByDomain } from '../domains.js';
import { isEmptySelector, type Selector, selectorKey, selectorMatches } from '../labels.js';
import { MAX_NODE_SCORE } from '../normalize.js';
import type { PodInfo, SpreadConstraint } from '../pod-info.js';

export const NAME = 'PodTopologySpread';
export const WEIGHT = 2;
export const REASON = "node(s) didn't match pod topology spread constraints";
export const MISSING_LABEL_REASON = `${REASON} (missing required label)`;
export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';

const MAX_INT32 = 2147483647;

/** Pods in the namespace matching the constraint's selector, not being deleted; an empty selector counts none. */
export function spreadMatcher(cluster: Cluster, namespace: string, c: SpreadConstraint): Matcher {
  const selector = c.selector;
  return cluster.matcher(`spread|${namespace}|${c.selectorKey}`, selector, (p) =>
    !p.terminating && p.namespace === namespace && !isEmptySelector(selector) && selectorMatches(selector, p.labels),
  );
}

/** Node eligibility inputs that depend only on the pod's node affinity and tolerations. */
export interface NodeEligibility {
  /** Pods with equal ids have equal eligibility (their shape). */
  id: number;
  affinityOk: Uint8Array;
  taintsOk: Uint8Array;
}

function included(c: SpreadConstraint, n: number, e: NodeEligibility): boolean {
  return (!c.honorNodeAffinity || e.affinityOk[n] === 1) && (!c.honorNodeTaints || e.taintsOk[n] === 1);
}

function hasAllKeys(topologies: readonly Topology[], n: number): boolean {
  for (const t of topologies) if (t.valueOf[n]! < 0) return false;
  return true;
}

/** A constraint with the counter and the nodes it counts on: what pods alike share. */
export interface BoundConstraint {
  c: SpreadConstraint;
  topo: Topology;
  matcher: Matcher;
  /** The nodes the constraint counts pods on, and their domains. */
  map: DomainMap;
}

/**
 * Binds constraints for pods of `namespace` with eligibility `e`. A node counts for a constraint
 * when it has every key in `required` and passes the constraint's inclusion policies.
 */
function bind(cluster: Cluster, namespace: string, constraints: readonly SpreadConstraint[], required: readonly string[], e: NodeEligibility): BoundConstraint[] {
  const needed = required.map((key) => cluster.topology(key));
  return constraints.map((c) => {
    const topo = cluster.topology(c.topologyKey);
    const key = [c.topologyKey, required.join('\u0001'), c.honorNodeAffinity ? e.id : '', c.honorNodeTaints ? e.id : ''].join('\u0000');
    const map = cluster.domainMap(key, () => domainMap(key, topo, (n) => hasAllKeys(needed, n) && included(c, n, e)));
    return { c, topo, matcher: spreadMatcher(cluster, namespace, c), map };
  });
}

/** DoNotSchedule constraints: a node counts when it has every constraint's key. */
export function bindHard(cluster: Cluster, namespace: string, hard: readonly SpreadConstraint[], e: NodeEligibility): BoundConstraint[] {
  return bind(cluster, namespace, hard, hard.map((c) => c.topologyKey), e);
}

export interface SoftBinding {
  constraints: BoundConstraint[];
  /** Per node: it has every constraint's key; undefined when that is not required. */
  allKeys: Uint8Array | undefined;
}

/**
 * ScheduleAnyway constraints, or the system defaults. `requireAll` is false only for the system
 * defaults: then nodes without a zone label still get hostname spreading.
 */
export function bindSoft(cluster: Cluster, namespace: string, soft: readonly SpreadConstraint[], requireAll: boolean, e: NodeEligibility): SoftBinding {
  const required = requireAll ? soft.map((c) => c.topologyKey) : [];
  const topologies = required.map((key) => cluster.topology(key));
  return {
    constraints: bind(cluster, namespace, soft, required, e),
    allKeys: requireAll ? Uint8Array.from(topologies[0]?.valueOf ?? [], (_, n) => (hasAllKeys(topologies, n) ? 1 : 0)) : undefined,
  };
}

/**
 * Matching pods per domain: kept up to date by the cluster, or with `fresh` summed anew over every
 * node (the straightforward computation, to check the other against).
 */
function countsOf(cluster: Cluster, b: BoundConstraint, fresh: boolean): Int32Array {
  return fresh ? sumByDomain(b.map, b.matcher.perNode) : cluster.domainCounts(b.matcher, b.map);
}

interface FilterConstraint {
  c: SpreadConstraint;
  topo: Topology;
  counts: Int32Array;
  min: number;
  self: number;
}

export type SpreadFilterState = FilterConstraint[];

export function filterState(cluster: Cluster, pod: PodInfo, hard: readonly BoundConstraint[], fresh: boolean): SpreadFilterState {
  return hard.map((b) => {
    const counts = countsOf(cluster, b, fresh);
    const { present, domains } = b.map;
    let min = MAX_INT32;
    for (let d = 0; d < counts.length; d++) if (present[d] && counts[d]! < min) min = counts[d]!;
    if (domains < b.c.minDomains) min = 0;
    return { c: b.c, topo: b.topo, counts, min, self: selectorMatches(b.c.selector, pod.labels) ? 1 : 0 };
  });
}

/** undefined when the node passes, otherwise the reason. */
export function filterNode(state: SpreadFilterState, n: number): string | undefined {
  for (const f of state) {
    const d = f.topo.valueOf[n]!;
    if (d < 0) return MISSING_LABEL_REASON;
    if (f.counts[d]! + f.self - f.min > f.c.maxSkew) return REASON;
  }
  return undefined;
}

interface ScoreConstraint {
  maxSkew: number;
  topo: Topology;
  /** Matching pods per node (hostname, counted on the node itself) or per domain slot. */
  counts: Int32Array;
  perNode: boolean;
  weight: number;
}

export interface SpreadScoreState {
  constraints: ScoreConstraint[];
  /** Per feasible node: 1 when it lacks a topology label and so scores 0. */
  ignored: Uint8Array;
}

/**
 * PreScore over the feasible nodes. A constraint's count for a node is the matching pods in its
 * domain over the nodes that count (for hostname, on the node itself); its weight is
 * ln(domains among the feasible nodes + 2).
 */
export function scoreState(cluster: Cluster, soft: SoftBinding, feasible: Int32Array, fresh: boolean): SpreadScoreState {
  const F = feasible.length;
  const ignored = new Uint8Array(F);
  let ignoredCount = 0;
  const { allKeys } = soft;
  if (allKeys) {
    for (let j = 0; j < F; j++) {
      if (allKeys[feasible[j]!] === 0) {
        ignored[j] = 1;
        ignoredCount++;
      }
    }
  }
  const constraints = soft.constraints.map((b): ScoreConstraint => {
    const { c, topo } = b;
    if (c.topologyKey === HOSTNAME) {
      return { maxSkew: c.maxSkew, topo, counts: b.matcher.perNode, perNode: true, weight: Math.log(F - ignoredCount + 2) };
    }
    const seen = new Uint8Array(topo.slots);
    let size = 0;
    for (let j = 0; j < F; j++) {
      if (ignored[j]) continue;
      const s = topo.slotOf[feasible[j]!]!;
      if (!seen[s]) {
        seen[s] = 1;
        size++;
      }
    }
    return { maxSkew: c.maxSkew, topo, counts: countsOf(cluster, b, fresh), perNode: false, weight: Math.log(size + 2) };
  });
  return { constraints, ignored };
}

export function scoreNode(state: SpreadScoreState, n: number, j: number): number {
  if (state.ignored[j]) return 0;
  let score = 0;
  for (const s of state.constraints) {
    const d = s.topo.valueOf[n]!;
    if (d < 0) continue;
    score += s.counts[s.perNode ? n : d]! * s.weight + (s.maxSkew - 1);
  }
  // Go's math.Round; scores are never negative, so rounding half up is the same.
  return Math.round(score);
}

export function normalize(state: SpreadScoreState, scores: Int32Array): void {
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let j = 0; j < scores.length; j++) {
    if (state.ignored[j]) continue;
    if (scores[j]! < min) min = scores[j]!;
    if (scores[j]! > max) max = scores[j]!;
  }
  for (let j = 0; j < scores.length; j++) {
    if (state.ignored[j]) scores[j] = 0;
    else if (max === 0) scores[j] = MAX_NODE_SCORE;
    else scores[j] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[j]!)) / max);
  }
}

/** kube-scheduler's system-default constraints, applied for scoring to pods that declare none. */
export function systemDefaultConstraints(selector: Selector): SpreadConstraint[] {
  const base = { hard: false, selector, selectorKey: selectorKey(selector), minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false };
  return [
    { ...base, topologyKey: HOSTNAME, maxSkew: 3 },
    { ...base, topologyKey: ZONE, maxSkew: 5 },
  ];
}
