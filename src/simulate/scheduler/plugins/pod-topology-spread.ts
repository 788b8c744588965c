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

interface FilterConstraint {
  c: SpreadConstraint;
  topo: Topology;
  counts: Int32Array;
  min: number;
  self: number;
}

export type SpreadFilterState = FilterConstraint[];

export function filterState(cluster: Cluster, pod: PodInfo, hard: readonly SpreadConstraint[], e: NodeEligibility): SpreadFilterState {
  const topologies = hard.map((c) => cluster.topology(c.topologyKey));
  return hard.map((c, i) => {
    const topo = topologies[i]!;
    const m = spreadMatcher(cluster, pod.namespace, c);
    const counts = new Int32Array(topo.values.length);
    const present = new Uint8Array(topo.values.length);
    for (let n = 0; n < cluster.N; n++) {
      if (!hasAllKeys(topologies, n) || !included(c, n, e)) continue;
      const d = topo.valueOf[n]!;
      counts[d]! += m.perNode[n]!;
      present[d] = 1;
    }
    let min = MAX_INT32;
    let domains = 0;
    for (let d = 0; d < counts.length; d++) {
      if (!present[d]) continue;
      domains++;
      if (counts[d]! < min) min = counts[d]!;
    }
    if (domains < c.minDomains) min = 0;
    return { c, topo, counts, min, self: selectorMatches(c.selector, pod.labels) ? 1 : 0 };
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
  c: SpreadConstraint;
  topo: Topology;
  /** Per domain (the last slot stands for nodes without the label, which Go reads as ""). */
  counts: Float64Array;
  weight: number;
  hostMatcher?: Matcher;
}

export interface SpreadScoreState {
  constraints: ScoreConstraint[];
  /** Per feasible node: 1 when it lacks a topology label and so scores 0. */
  ignored: Uint8Array;
}

/** A node's domain slot: its label value, or the "" slot when it has none. */
function slot(topo: Topology, n: number): number {
  const d = topo.valueOf[n]!;
  if (d >= 0) return d;
  const empty = topo.values.indexOf('');
  return empty >= 0 ? empty : topo.values.length;
}

/**
 * `requireAll` is false only for the system-default constraints: then nodes without a zone label
 * still get hostname spreading.
 */
export function scoreState(
  cluster: Cluster,
  pod: PodInfo,
  soft: readonly SpreadConstraint[],
  feasible: Int32Array,
  requireAll: boolean,
  e: NodeEligibility,
): SpreadScoreState {
  const topologies = soft.map((c) => cluster.topology(c.topologyKey));
  const ignored = new Uint8Array(feasible.length);
  let ignoredCount = 0;
  if (requireAll) {
    feasible.forEach((n, j) => {
      if (!hasAllKeys(topologies, n)) {
        ignored[j] = 1;
        ignoredCount++;
      }
    });
  }
  const constraints = soft.map((c, i) => {
    const topo = topologies[i]!;
    const m = spreadMatcher(cluster, pod.namespace, c);
    const counts = new Float64Array(topo.values.length + 1);
    if (c.topologyKey === HOSTNAME) {
      return { c, topo, counts, weight: Math.log(feasible.length - ignoredCount + 2), hostMatcher: m };
    }
    const present = new Uint8Array(topo.values.length + 1);
    let size = 0;
    feasible.forEach((n, j) => {
      if (ignored[j]) return;
      const d = slot(topo, n);
      if (!present[d]) {
        present[d] = 1;
        size++;
      }
    });
    for (let n = 0; n < cluster.N; n++) {
      if (requireAll && !hasAllKeys(topologies, n)) continue;
      if (!included(c, n, e)) continue;
      const d = slot(topo, n);
      if (present[d]) counts[d]! += m.perNode[n]!;
    }
    return { c, topo, counts, weight: Math.log(size + 2) };
  });
  return { constraints, ignored };
}

export function scoreNode(state: SpreadScoreState, n: number, j: number): number {
  if (state.ignored[j]) return 0;
  let score = 0;
  for (const s of state.constraints) {
    const d = s.topo.valueOf[n]!;
    if (d < 0) continue;
    const count = s.hostMatcher ? s.hostMatcher.perNode[n]! : s.counts[d]!;
    score += count * s.weight + (s.c.maxSkew - 1);
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
