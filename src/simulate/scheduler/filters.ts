/**
 * The filter chain for one pod over a set of nodes, in the default profile's order: the node-static
 * filters (from the pod's shape), NodePorts, NodeResourcesFit, PodTopologySpread, InterPodAffinity.
 * A node gets the status of the first filter that rejects it.
 */
import type { Cluster } from './cluster.js';
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

export function requestVector(cluster: Cluster, pod: PodInfo): RequestVector {
  const entries = [...pod.resources.requests].filter(([name]) => cluster.resourceIndex.has(name));
  return {
    ids: Int32Array.from(entries, ([name]) => cluster.resourceIndex.get(name)!),
    values: Float64Array.from(entries, ([, v]) => v),
  };
}

export class FilterRunner {
  /** Fit failures by (failing resources bitmask, too many pods, unresolvable). */
  private readonly fitCodes = new Map<string, number>();
  private readonly portsCode: number;

  constructor(
    private readonly cluster: Cluster,
    private readonly statuses: StatusTable,
  ) {
    this.portsCode = statuses.code(nodePorts.NAME, [nodePorts.REASON], false);
  }

  private fitCode(failing: number[], tooManyPods: boolean, unresolvable: boolean): number {
    const key = `${failing.join(',')}|${tooManyPods ? 1 : 0}|${unresolvable ? 1 : 0}`;
    let code = this.fitCodes.get(key);
    if (code === undefined) {
      const names = this.cluster.resourceNames;
      // Fixed resources first in kube-scheduler's order, then scalar resources by name.
      const fixed = failing.filter((id) => id < 3).sort((a, b) => a - b);
      const scalar = failing.filter((id) => id >= 3).map((id) => names[id]!).sort();
      const reasons = [
        ...(tooManyPods ? [fit.TOO_MANY_PODS] : []),
        ...fixed.map((id) => fit.insufficientReason(names[id]!)),
        ...scalar.map(fit.insufficientReason),
      ];
      code = this.statuses.code(fit.NAME, reasons, unresolvable);
      this.fitCodes.set(key, code);
    }
    return code;
  }

  /**
   * Filters `nodes` (all when undefined) and writes each node's status code into `codes`; returns
   * the nodes that passed, in the given order.
   */
  run(pod: PodInfo, shape: Shape, request: RequestVector, codes: Uint16Array, nodes?: readonly number[]): Int32Array {
    const c = this.cluster;
    const R = c.R;
    const hard = pod.spread.filter((s) => s.hard);
    const spreadState = hard.length > 0 ? spread.filterState(c, pod, hard, shape) : undefined;
    const affinityState = interPodAffinity.filterState(c, pod);
    const ids = request.ids;
    const values = request.values;
    const count = nodes ? nodes.length : c.N;
    const feasible = new Int32Array(count);
    let f = 0;
    for (let i = 0; i < count; i++) {
      const n = nodes ? nodes[i]! : i;
      const staticCode = shape.staticCode[n]!;
      if (staticCode !== PASSED) {
        codes[n] = staticCode;
        continue;
      }
      if (pod.hostPorts.length > 0 && !nodePorts.fits(pod.hostPorts, c.ports[n])) {
        codes[n] = this.portsCode;
        continue;
      }
      const tooManyPods = c.podCount[n]! + 1 > c.maxPods[n]!;
      let failing: number[] | undefined;
      let unresolvable = false;
      const base = n * R;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        const want = values[k]!;
        const allocatable = c.allocatable[base + id]!;
        if (want > allocatable - c.requested[base + id]!) {
          (failing ??= []).push(id);
          if (want > allocatable) unresolvable = true;
        }
      }
      if (tooManyPods || failing) {
        codes[n] = this.fitCode(failing ?? [], tooManyPods, unresolvable);
        continue;
      }
      if (spreadState) {
        const reason = spread.filterNode(spreadState, n);
        if (reason) {
          codes[n] = this.statuses.code(spread.NAME, [reason], reason === spread.MISSING_LABEL_REASON);
          continue;
        }
      }
      if (affinityState) {
        const verdict = interPodAffinity.filterNode(affinityState, n);
        if (verdict) {
          codes[n] = this.statuses.code(interPodAffinity.NAME, [verdict.reason], verdict.unresolvable);
          continue;
        }
      }
      codes[n] = PASSED;
      feasible[f++] = n;
    }
    return feasible.subarray(0, f);
  }
}
