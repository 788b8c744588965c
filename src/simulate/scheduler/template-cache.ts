/**
 * Results per node for pods that are alike (a "template": the pods of one ReplicaSet) and whose
 * placement depends only on each node's own pods — no topology spreading, no inter-pod affinity in
 * either direction. For those, a node's filter result and resource scores change only when that
 * node's pods change, so they are kept per template and recomputed only on nodes whose version moved
 * since (usually the one node the previous pod went to; evictions bump the versions too). A pod uses
 * these results only while nothing beyond its node matters to it, so results kept from an earlier
 * use stay right for the nodes that did not change.
 */
import type { Cluster } from './cluster.js';
import type { FilterRunner, RequestVector } from './filters.js';
import type { PodInfo } from './pod-info.js';
import { balancedOnNode, leastAllocatedOnNode, type NodeResourceScores } from './scoring.js';
import type { Shape } from './shapes.js';

interface Entry extends NodeResourceScores {
  codes: Uint16Array;
  /** The node versions the results were computed at. */
  seen: Int32Array;
}

/** The parts of a pod its per-node results depend on, besides its shape. */
export function templateKey(pod: PodInfo, request: RequestVector): string {
  return JSON.stringify([pod.shapeKey, [...request.ids], [...request.values], pod.resources.nonZeroCpu, pod.resources.nonZeroMemory, pod.hostPorts]);
}

export class TemplateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly cluster: Cluster,
    private readonly filters: FilterRunner,
  ) {}

  /** Brings the template's results up to date for this pod and returns them (shared: copy what is kept). */
  refresh(key: string, pod: PodInfo, shape: Shape, request: RequestVector): Entry {
    const { N, nodeVersion } = this.cluster;
    let e = this.entries.get(key);
    if (!e) {
      e = { codes: new Uint16Array(N), least: new Int16Array(N), balanced: new Int16Array(N), seen: new Int32Array(N).fill(-1) };
      this.entries.set(key, e);
    }
    const stale: number[] = [];
    for (let n = 0; n < N; n++) {
      if (e.seen[n] !== nodeVersion[n]) {
        e.seen[n] = nodeVersion[n]!;
        stale.push(n);
      }
    }
    if (stale.length > 0) {
      this.filters.run(pod, shape, request, e.codes, stale);
      for (const n of stale) {
        e.least[n] = leastAllocatedOnNode(this.cluster, pod, n);
        e.balanced[n] = balancedOnNode(this.cluster, pod, n);
      }
    }
    return e;
  }
}
