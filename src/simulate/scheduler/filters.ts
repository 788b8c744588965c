/**
 * The filter chain for one pod over a set of nodes, in the default profile's order: the node-static
 * filters (from the pod's shape), NodePorts, NodeResourcesFit, PodTopologySpread, InterPodAffinity.
 * A node gets the status of the first filter that rejects it. The first three look at the node
 * alone and come first, so their results can be kept per node and the other two applied after.
 */
import { cached } from '../../model/maps.js';
import type { Cluster, Placed } from './cluster.js';
import type { PodInfo } from './pod-info.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodePorts from './plugins/node-ports.js';
import * as fit from './plugins/node-resources-fit.js';
import * as spread from './plugins/pod-topology-spread.js';
import { PASSED, type StatusTable } from './statuses.js';
import type { Shape } from './shapes.js';

/** A pod's requests as resource ids and amounts, for the fit check's inner loop. */
export interface RequestVector {
  ids: Int32Array;
  values: Float64Array;
}

/** Every resource name the pod requests must be registered (Cluster.resourceId) before the cluster is frozen. */
export function requestVector(cluster: Cluster, pod: PodInfo): RequestVector {
  const entries = [...pod.resources.requests];
  return {
    ids: Int32Array.from(entries, ([name]) => cluster.resourceIndex.get(name)!),
    values: Float64Array.from(entries, ([, v]) => v),
  };
}

/** The filters of one pod that depend on other nodes' pods, with their state. */
export interface BeyondNode {
  spread: spread.SpreadFilterState | undefined;
  affinity: interPodAffinity.AffinityFilterState | undefined;
}

export class FilterRunner {
  /** Fit failures by failing-resource bitmask, too-many-pods and unresolvable flags. */
  private readonly fitCodes = new Map<number | string, number>();
  private readonly portsCode: number;
  private readonly spreadCode: number;
  private readonly spreadMissingLabelCode: number;
  private readonly affinityCodes = new Map<string, number>();
  private readonly scratch: Int32Array;

  /** `fresh`: spreading counts summed anew for every pod (the straightforward computation) rather than kept up to date. */
  constructor(
    private readonly cluster: Cluster,
    private readonly statuses: StatusTable,
    private readonly fresh: boolean,
  ) {
    this.portsCode = statuses.code(nodePorts.NAME, [nodePorts.REASON], false);
    this.spreadCode = statuses.code(spread.NAME, [spread.REASON], false);
    this.spreadMissingLabelCode = statuses.code(spread.NAME, [spread.MISSING_LABEL_REASON], true);
    this.scratch = new Int32Array(cluster.N);
  }

  private fitCode(failing: readonly number[], tooManyPods: boolean, unresolvable: boolean): number {
    // Resource ids are small: a bitmask keys the common case without building strings. Ids below
    // 28 keep it under 2^30, a small integer for V8; the string key suits any set of ids.
    const flags = (tooManyPods ? 2 : 0) | (unresolvable ? 1 : 0);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrowFunction: taking the string key for more sets, or the mask for id 28 too (4 << 28 still fits in 32 bits), gives the same codes, only slower
    const key = failing.every((id) => id < 28)
      ? failing.reduce((mask, id) => mask | (4 << id), flags)
      : `${failing.join(',')}|${flags}`;
    return cached(this.fitCodes, key, () => {
      const names = this.cluster.resourceNames;
      // Fixed resources first in kube-scheduler's order, then scalar resources by name.
      const fixed = failing.filter((id) => id < 3).sort((a, b) => a - b);
      const scalar = failing
        .filter((id) => id >= 3)
        .map((id) => names[id]!)
        .sort();
      const reasons = [
        ...(tooManyPods ? [fit.TOO_MANY_PODS] : []),
        ...fixed.map((id) => fit.insufficientReason(names[id]!)),
        ...scalar.map(fit.insufficientReason),
      ];
      return this.statuses.code(fit.NAME, reasons, unresolvable);
    });
  }

  private affinityCode(verdict: interPodAffinity.AffinityVerdict): number {
    return cached(this.affinityCodes, verdict.reason, () =>
      this.statuses.code(interPodAffinity.NAME, [verdict.reason], verdict.unresolvable),
    );
  }

  /**
   * The filters that look beyond the node (PodTopologySpread's DoNotSchedule constraints,
   * InterPodAffinity), set up for `pod` against the cluster as it is now; undefined when neither
   * has anything to check.
   */
  beyondNode(pod: PodInfo, hardSpread: readonly spread.BoundConstraint[]): BeyondNode | undefined {
    const spreadState =
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the state of no constraints passes every node; undefined only spares callers a pass over the nodes
      hardSpread.length > 0 ? spread.filterState(this.cluster, pod, hardSpread, this.fresh) : undefined;
    const affinityState = interPodAffinity.filterState(this.cluster, pod);
    // Stryker disable next-line ConditionalExpression: a BeyondNode with neither state passes every node; undefined only spares callers a pass over the nodes
    return spreadState || affinityState ? { spread: spreadState, affinity: affinityState } : undefined;
  }

  /**
   * Filters `nodes` (all when undefined) and writes each node's status code into `codes`; returns
   * the nodes that passed, in the given order. Without `beyond`, only the filters that look at the
   * node alone run (their results depend on nothing else: see template-cache.ts).
   */
  run(
    pod: PodInfo,
    shape: Shape,
    request: RequestVector,
    codes: Uint16Array,
    beyond: BeyondNode | undefined,
    nodes?: ArrayLike<number>,
  ): Int32Array {
    const c = this.cluster;
    const R = c.R;
    // Locals for the hot loop: V8 does not hoist these loads out of it by itself.
    const { ids, values } = request;
    const { allocatable, requested, podCount, maxPods, ports } = c;
    const staticCodes = shape.staticCode;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: no wanted port fits every node (nodePorts.fits); undefined only skips the call
    const hostPorts = pod.hostPorts.length > 0 ? pod.hostPorts : undefined;
    const wanted = ids.length;
    const count = nodes ? nodes.length : c.N;
    const feasible = new Int32Array(count);
    let f = 0;
    // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is no node, and the write reaches no node
    for (let i = 0; i < count; i++) {
      const n = nodes ? nodes[i]! : i;
      const staticCode = staticCodes[n]!;
      if (staticCode !== PASSED) {
        codes[n] = staticCode;
        continue;
      }
      if (hostPorts && !nodePorts.fits(hostPorts, ports[n])) {
        codes[n] = this.portsCode;
        continue;
      }
      const tooManyPods = podCount[n]! + 1 > maxPods[n]!;
      let short = false;
      const base = n * R;
      // Stryker disable next-line EqualityOperator: one step past the end reads undefined, and undefined > NaN is false
      for (let k = 0; k < wanted; k++) {
        const id = base + ids[k]!;
        if (values[k]! > allocatable[id]! - requested[id]!) short = true;
      }
      if (tooManyPods || short) {
        codes[n] = this.fitFailure(n, request, tooManyPods);
        continue;
      }
      const code = beyond ? this.beyondCode(beyond, n) : PASSED;
      codes[n] = code;
      if (code === PASSED) feasible[f++] = n;
    }
    return feasible.subarray(0, f);
  }

  /**
   * The filters beyond the node on the nodes the node-local ones passed (`passed`), for a pod whose
   * node-local results are known: writes their codes and returns the nodes that pass them all.
   */
  runBeyondNode(beyond: BeyondNode, codes: Uint16Array, passed: Int32Array): Int32Array {
    const feasible = this.scratch;
    let f = 0;
    for (const n of passed) {
      const code = this.beyondCode(beyond, n);
      codes[n] = code;
      if (code === PASSED) feasible[f++] = n;
    }
    return feasible.slice(0, f);
  }

  private beyondCode(beyond: BeyondNode, n: number): number {
    if (beyond.spread) {
      const reason = spread.filterNode(beyond.spread, n);
      if (reason) return reason === spread.REASON ? this.spreadCode : this.spreadMissingLabelCode;
    }
    if (beyond.affinity) {
      const verdict = interPodAffinity.filterNode(beyond.affinity, n);
      if (verdict) return this.affinityCode(verdict);
    }
    return PASSED;
  }

  /**
   * Whether the filter that rejected node `n` (`code`) still rejects it once the pods `without`
   * are gone, decided without moving any pod: its status code, or PASSED when it would pass (or is
   * not one this can decide: then only a real trial tells). Exact for NodePorts and
   * NodeResourcesFit, whose earlier filters passed and still pass with fewer pods.
   */
  stillRejects(pod: PodInfo, request: RequestVector, n: number, code: number, without: readonly Placed[]): number {
    if (code === this.portsCode) {
      const left = new Map(this.cluster.ports[n]);
      for (const p of without) {
        for (const hp of p.info.hostPorts) {
          const key = `${hp.ip}|${hp.protocol}|${hp.port}`;
          // Stryker disable next-line LogicalOperator: differs only for a port held twice on one node, and freeing it too early only sends preemption to a trial, which finds it still held
          const count = (left.get(key) ?? 0) - 1;
          // Stryker disable next-line ConditionalExpression: differs only for a port held twice on one node, and freeing it too early only sends preemption to a trial, which finds it still held
          if (count > 0) left.set(key, count);
          else left.delete(key);
        }
      }
      return nodePorts.fits(pod.hostPorts, left) ? PASSED : code;
    }
    if (this.statuses.entries[code]!.plugin !== fit.NAME) return PASSED;
    const freed = new Float64Array(request.ids.length);
    for (const p of without) {
      // Stryker disable next-line EqualityOperator: one step past the end reads no resource, and a typed array ignores the write past its end
      for (let k = 0; k < request.ids.length; k++)
        freed[k]! += p.info.resources.requests.get(this.cluster.resourceNames[request.ids[k]!]!) ?? 0;
    }
    const tooManyPods = this.cluster.podCount[n]! - without.length + 1 > this.cluster.maxPods[n]!;
    return this.fitFailure(n, request, tooManyPods, freed);
  }

  /** Every insufficient resource of the node, and whether even an empty node would be too small. */
  private fitFailure(n: number, request: RequestVector, tooManyPods: boolean, freed?: Float64Array): number {
    const { allocatable, requested, R } = this.cluster;
    const failing: number[] = [];
    let unresolvable = false;
    // Stryker disable next-line EqualityOperator: one step past the end reads undefined, and undefined > NaN is false
    for (let k = 0; k < request.ids.length; k++) {
      const id = request.ids[k]!;
      const want = request.values[k]!;
      const a = allocatable[n * R + id]!;
      if (want > a - (requested[n * R + id]! - (freed ? freed[k]! : 0))) {
        failing.push(id);
        if (want > a) unresolvable = true;
      }
    }
    if (failing.length === 0 && !tooManyPods) return PASSED;
    return this.fitCode(failing, tooManyPods, unresolvable);
  }
}
