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
import { MAX_NODE_SCORE } from '../normalize.js';
import type { PodInfo, SpreadConstraint } from '../pod-info.js';
import {
  type Selector,
  isEmptySelector,
  selectorKey,
  selectorMatches,
} from '../../../model/selectors/label-selector.js';

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
  return cluster.matcher(
    `spread|${namespace}|${c.selectorKey}`,
    selector,
    (p) =>
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
  for (const t of topologies) if (t.valueIdOf[n]! < 0) return false;
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
function bind(
  cluster: Cluster,
  namespace: string,
  constraints: readonly SpreadConstraint[],
  required: readonly string[],
  e: NodeEligibility,
): BoundConstraint[] {
  const needed = required.map((key) => cluster.topology(key));
  return constraints.map((c) => {
    const topo = cluster.topology(c.topologyKey);
    // JSON keeps the parts apart whatever the keys hold; null marks a policy that is not honoured.
    const key = JSON.stringify([
      c.topologyKey,
      required,
      c.honorNodeAffinity ? e.id : null,
      c.honorNodeTaints ? e.id : null,
    ]);
    const map = cluster.domainMap(key, () => domainMap(key, topo, (n) => hasAllKeys(needed, n) && included(c, n, e)));
    return { c, topo, matcher: spreadMatcher(cluster, namespace, c), map };
  });
}

/** DoNotSchedule constraints: a node counts when it has every constraint's key. */
export function bindHard(
  cluster: Cluster,
  namespace: string,
  hard: readonly SpreadConstraint[],
  e: NodeEligibility,
): BoundConstraint[] {
  return bind(
    cluster,
    namespace,
    hard,
    hard.map((c) => c.topologyKey),
    e,
  );
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
export function bindSoft(
  cluster: Cluster,
  namespace: string,
  soft: readonly SpreadConstraint[],
  requireAll: boolean,
  e: NodeEligibility,
): SoftBinding {
  const required = requireAll ? soft.map((c) => c.topologyKey) : [];
  const topologies = required.map((key) => cluster.topology(key));
  return {
    constraints: bind(cluster, namespace, soft, required, e),
    allKeys: requireAll
      ? Uint8Array.from({ length: cluster.N }, (_, n) => (hasAllKeys(topologies, n) ? 1 : 0))
      : undefined,
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

export function filterState(
  cluster: Cluster,
  pod: PodInfo,
  hard: readonly BoundConstraint[],
  fresh: boolean,
): SpreadFilterState {
  return hard.map((b) => {
    const counts = countsOf(cluster, b, fresh);
    const { present, domains } = b.map;
    let min = MAX_INT32;
    // Stryker disable next-line EqualityOperator: one slot past the end is not present (undefined); an equal count leaves the minimum as it is
    for (let d = 0; d < counts.length; d++) if (present[d] && counts[d]! < min) min = counts[d]!;
    if (domains < b.c.minDomains) min = 0;
    return { c: b.c, topo: b.topo, counts, min, self: selectorMatches(b.c.selector, pod.labels) ? 1 : 0 };
  });
}

/** undefined when the node passes, otherwise the reason. */
export function filterNode(state: SpreadFilterState, n: number): string | undefined {
  for (const f of state) {
    const d = f.topo.valueIdOf[n]!;
    if (d < 0) return MISSING_LABEL_REASON;
    if (f.counts[d]! + f.self - f.min > f.c.maxSkew) return REASON;
  }
  return undefined;
}

/** Buffers for scoring, reused from pod to pod (one slot per node). */
export class SpreadScratch {
  readonly ignored: Uint8Array;
  readonly sums: Float64Array;
  /** Domain slots seen, marked with the current `round` (so they never need clearing). */
  private readonly seen: Int32Array;
  private round = 0;
  /** The last count of domains and what it was counted over: pods alike share their feasible list. */
  // Stryker disable next-line ObjectLiteral: never read: no topology matches the empty entry, so the first call counts
  private last: { topo?: Topology; feasible?: Int32Array; allKeys?: Uint8Array; domains: number } = { domains: 0 };

  constructor(N: number) {
    this.ignored = new Uint8Array(N);
    this.sums = new Float64Array(N);
    this.seen = new Int32Array(N + 1);
  }

  /** The number of distinct slots of `topo` among the feasible nodes that have every key of `allKeys`. */
  domains(topo: Topology, feasible: Int32Array, allKeys: Uint8Array | undefined): number {
    const { last } = this;
    // Stryker disable next-line ConditionalExpression: counting again gives the same number; the cache only saves a pass over the nodes
    if (last.topo === topo && last.feasible === feasible && last.allKeys === allKeys) return last.domains;
    // Stryker disable next-line UpdateOperator: counting down also gives each count a mark no slot holds yet
    const round = ++this.round;
    const { seen } = this;
    let size = 0;
    for (let j = 0; j < feasible.length; j++) {
      const n = feasible[j]!;
      if (allKeys && allKeys[n] === 0) continue;
      const s = topo.slotOf[n]!;
      if (seen[s] !== round) {
        seen[s] = round;
        size++;
      }
    }
    // Stryker disable next-line ObjectLiteral: an empty entry only makes the next call count again
    this.last = { topo, feasible, allKeys, domains: size };
    return size;
  }
}

/**
 * PreScore, Score and NormalizeScore: each feasible node's normalised score, into `out`. A
 * constraint counts the matching pods in the node's domain over the nodes that count (for
 * hostname, on the node itself), weighted by ln(domains among the feasible nodes + 2), plus
 * maxSkew − 1; nodes without a constraint's label skip it, and with `allKeys` nodes lacking any
 * key score 0. Sums are taken constraint by constraint, in float64 as Go does.
 */
export function scoreFeasible(
  cluster: Cluster,
  soft: SoftBinding,
  feasible: Int32Array,
  fresh: boolean,
  out: Int32Array,
  scratch: SpreadScratch,
): void {
  const F = feasible.length;
  const ignored = scratch.ignored.subarray(0, F);
  const sums = scratch.sums.subarray(0, F);
  ignored.fill(0);
  sums.fill(0);
  let ignoredCount = 0;
  const { allKeys } = soft;
  if (allKeys) {
    // Stryker disable next-line EqualityOperator: one step past the end reads no node (undefined), which is never 0
    for (let j = 0; j < F; j++) {
      if (allKeys[feasible[j]!] === 0) {
        ignored[j] = 1;
        ignoredCount++;
      }
    }
  }
  for (const b of soft.constraints) {
    const { valueIdOf } = b.topo;
    const skew = b.c.maxSkew - 1;
    if (b.c.topologyKey === HOSTNAME) {
      const weight = Math.log(F - ignoredCount + 2);
      const counts = b.matcher.perNode;
      // Stryker disable next-line EqualityOperator: one step past the end reads no node, whose domain (undefined) is not >= 0
      for (let j = 0; j < F; j++) {
        const n = feasible[j]!;
        if (valueIdOf[n]! >= 0) sums[j]! += counts[n]! * weight + skew;
      }
    } else {
      const weight = Math.log(scratch.domains(b.topo, feasible, allKeys) + 2);
      const counts = countsOf(cluster, b, fresh);
      // Stryker disable next-line EqualityOperator: one step past the end reads no node, whose domain (undefined) is not >= 0
      for (let j = 0; j < F; j++) {
        const d = valueIdOf[feasible[j]!]!;
        if (d >= 0) sums[j]! += counts[d]! * weight + skew;
      }
    }
  }
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let j = 0; j < F; j++) {
    // Go's math.Round; scores are never negative, so rounding half up is the same.
    const score = ignored[j] ? 0 : Math.round(sums[j]!);
    out[j] = score;
    if (ignored[j]) continue;
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  // Stryker disable next-line EqualityOperator: writing one past the end of a typed array is a no-op
  for (let j = 0; j < F; j++) {
    if (ignored[j]) out[j] = 0;
    else if (max === 0) out[j] = MAX_NODE_SCORE;
    else out[j] = Math.trunc((MAX_NODE_SCORE * (max + min - out[j]!)) / max);
  }
}

/** kube-scheduler's system-default constraints, applied for scoring to pods that declare none. */
export function systemDefaultConstraints(selector: Selector): SpreadConstraint[] {
  const base = {
    hard: false,
    selector,
    selectorKey: selectorKey(selector),
    minDomains: 1,
    honorNodeAffinity: true,
    honorNodeTaints: false,
  };
  return [
    { ...base, topologyKey: HOSTNAME, maxSkew: 3 },
    { ...base, topologyKey: ZONE, maxSkew: 5 },
  ];
}
