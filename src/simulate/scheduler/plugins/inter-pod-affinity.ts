/**
 * InterPodAffinity. Filter, in this order: the pod's required affinity (every term's topology label
 * on the node, and a pod matching all terms in the node's domain, unless no such pod exists anywhere
 * and the pod matches its own terms: the first of a group), its required anti-affinity (no matching
 * pod in the node's domain), and the required anti-affinity of pods already placed (symmetry).
 * Score: per topology domain, Σ weight × matching pods for the pod's preferred terms (negative for
 * anti-affinity), plus placed pods' terms that match this pod (required affinity counts weight 1);
 * then min-max normalised to 0..100.
 */
import type { Cluster, Matcher, Topology } from '../cluster.js';
import { type PodInfo, termMatches, type WeightedAffinityTerm } from '../pod-info.js';

export const NAME = 'InterPodAffinity';
export const WEIGHT = 2;
export const AFFINITY_REASON = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";

/** Matching pods per domain of `topo`, counting only nodes that have the label. */
function domainCounts(topo: Topology, m: Matcher): Int32Array {
  const counts = new Int32Array(topo.values.length);
  // Stryker disable next-line EqualityOperator: one step past the end reads no domain (undefined), which adds nothing
  for (let n = 0; n < topo.valueIdOf.length; n++) {
    const d = topo.valueIdOf[n]!;
    // Stryker disable next-line ConditionalExpression: adding at index -1 of a typed array is a no-op, so the guard only says what is meant
    if (d >= 0) counts[d]! += m.perNode[n]!;
  }
  return counts;
}

interface TermCounts {
  topo: Topology;
  counts: Int32Array;
}

export interface AffinityFilterState {
  affinity: TermCounts[];
  /** Whether any pod matching all affinity terms runs on a node with one of their topology labels. */
  affinityAnywhere: boolean;
  selfMatchesAffinity: boolean;
  antiAffinity: TermCounts[];
  /** Domains where a placed pod's required anti-affinity term selects this pod. */
  blocked: Array<{ topo: Topology; domains: Uint8Array }>;
}

/** undefined when the plugin has nothing to check for this pod (kube-scheduler's Skip). */
export function filterState(cluster: Cluster, pod: PodInfo): AffinityFilterState | undefined {
  const blocked: AffinityFilterState['blocked'] = [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: with no holder every requiredAnti group has total 0 and the loop below skips it
  if (cluster.antiAffinityHolders > 0) {
    const byKey = new Map<string, { topo: Topology; domains: Uint8Array }>();
    for (const g of cluster.heldGroupsFor(pod)) {
      // Stryker disable next-line ConditionalExpression: a group with total 0 has no holder on any node, so the node loop would skip it anyway
      if (g.kind !== 'requiredAnti' || g.total === 0 || !termMatches(g.term, pod, cluster.namespaceLabels)) continue;
      const topo = cluster.topology(g.term.topologyKey);
      let entry = byKey.get(g.term.topologyKey);
      for (let n = 0; n < cluster.N; n++) {
        if (g.perNode[n]! <= 0 || topo.valueIdOf[n]! < 0) continue;
        // Stryker disable next-line ConditionalExpression: a fresh entry per node marks the same domains, and filterNode reads every entry
        if (!entry) {
          entry = { topo, domains: new Uint8Array(topo.values.length) };
          byKey.set(g.term.topologyKey, entry);
          blocked.push(entry);
        }
        entry.domains[topo.valueIdOf[n]!] = 1;
      }
    }
  }
  if (blocked.length === 0 && pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0)
    return undefined;
  let affinity: TermCounts[] = [];
  let affinityAnywhere = false;
  if (pod.requiredAffinity.length > 0) {
    const terms = pod.requiredAffinity;
    // One counter per list of terms; JSON keeps the term keys apart whatever they hold.
    const all = cluster.matcher(`all|${JSON.stringify(terms.map((t) => t.key))}`, terms[0]!.selector, (p) =>
      terms.every((t) => termMatches(t, p, cluster.namespaceLabels)),
    );
    affinity = terms.map((t) => {
      const topo = cluster.topology(t.topologyKey);
      const counts = domainCounts(topo, all);
      if (counts.some((c) => c > 0)) affinityAnywhere = true;
      return { topo, counts };
    });
  }
  const antiAffinity = pod.requiredAntiAffinity.map((t) => {
    const topo = cluster.topology(t.topologyKey);
    return { topo, counts: domainCounts(topo, cluster.termMatcher(t)) };
  });
  // Vacuously true without terms; filterNode reads it only for pods that have some.
  const selfMatchesAffinity = pod.requiredAffinity.every((t) => termMatches(t, pod, cluster.namespaceLabels));
  return { affinity, affinityAnywhere, selfMatchesAffinity, antiAffinity, blocked };
}

export interface AffinityVerdict {
  reason: string;
  unresolvable: boolean;
}

export function filterNode(s: AffinityFilterState, n: number): AffinityVerdict | undefined {
  let podsExist = true;
  for (const a of s.affinity) {
    const d = a.topo.valueIdOf[n]!;
    if (d < 0) return { reason: AFFINITY_REASON, unresolvable: true };
    if (a.counts[d]! <= 0) podsExist = false;
  }
  if (!podsExist && (s.affinityAnywhere || !s.selfMatchesAffinity))
    return { reason: AFFINITY_REASON, unresolvable: true };
  for (const a of s.antiAffinity) {
    const d = a.topo.valueIdOf[n]!;
    // Stryker disable next-line ConditionalExpression: without the guard, index -1 reads undefined, which is not > 0
    if (d >= 0 && a.counts[d]! > 0) return { reason: ANTI_AFFINITY_REASON, unresolvable: false };
  }
  for (const b of s.blocked) {
    const d = b.topo.valueIdOf[n]!;
    // Stryker disable next-line ConditionalExpression: without the guard, index -1 reads undefined, which is falsy
    if (d >= 0 && b.domains[d]) return { reason: EXISTING_ANTI_AFFINITY_REASON, unresolvable: false };
  }
  return undefined;
}

export interface AffinityScoreState {
  byKey: Array<{ topo: Topology; scores: Float64Array }>;
}

/** undefined when no term of either side matched anything (kube-scheduler's Skip). */
export function scoreState(cluster: Cluster, pod: PodInfo): AffinityScoreState | undefined {
  const byKey = new Map<string, { topo: Topology; scores: Float64Array }>();
  let any = false;
  const credit = (key: string, perNode: Int32Array, weight: number): void => {
    const topo = cluster.topology(key);
    for (let n = 0; n < cluster.N; n++) {
      const count = perNode[n]!;
      const d = topo.valueIdOf[n]!;
      if (count === 0 || d < 0) continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { topo, scores: new Float64Array(topo.values.length) };
        byKey.set(key, entry);
      }
      entry.scores[d]! += weight * count;
      any = true;
    }
  };
  const own = (terms: readonly WeightedAffinityTerm[], sign: number): void => {
    for (const t of terms) credit(t.topologyKey, cluster.termMatcher(t).perNode, sign * t.weight);
  };
  own(pod.preferredAffinity, 1);
  own(pod.preferredAntiAffinity, -1);
  for (const g of cluster.heldGroupsFor(pod)) {
    // Stryker disable next-line ConditionalExpression: a group with total 0 has a count of 0 on every node, which credit skips
    if (g.kind === 'requiredAnti' || g.total === 0 || !termMatches(g.term, pod, cluster.namespaceLabels)) continue;
    credit(g.term.topologyKey, g.perNode, g.weight);
  }
  return any ? { byKey: [...byKey.values()] } : undefined;
}

export function scoreNode(s: AffinityScoreState, n: number): number {
  let score = 0;
  for (const { topo, scores } of s.byKey) {
    const d = topo.valueIdOf[n]!;
    if (d >= 0) score += scores[d]!;
  }
  return score;
}

export function normalize(scores: Int32Array): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    max = Math.max(max, s);
    min = Math.min(min, s);
  }
  const diff = max - min;
  // Stryker disable next-line EqualityOperator: writing one past the end of a typed array is a no-op
  for (let j = 0; j < scores.length; j++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with diff 0 the division gives NaN, which the Int32Array stores as 0
    scores[j] = diff > 0 ? Math.trunc(100 * ((scores[j]! - min) / diff)) : 0;
  }
}
