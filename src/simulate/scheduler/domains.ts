/**
 * Matching pods per topology domain, for PodTopologySpread. A constraint counts the pods its
 * selector matches on the nodes it considers (those with the topology keys it needs, passing its
 * inclusion policies), summed per domain. Which nodes count and their domains depend only on node
 * labels and on the pod's node affinity and tolerations (a DomainMap, shared by every selector);
 * the sums per domain (DomainCounts) are kept up to date as pods are placed and removed, so a pod
 * reads them instead of visiting every node.
 */
import type { Topology } from './cluster.js';

export interface DomainMap {
  /** Identifies the topology and the rule that decides which nodes count. */
  key: string;
  /** Per node: its domain slot (Topology.slotOf), or -1 when the node does not count. */
  slotOf: Int32Array;
  /** Per slot: some node that counts is in it. */
  present: Uint8Array;
  /** The number of present slots. */
  domains: number;
}

export interface DomainCounts {
  map: DomainMap;
  /** Matching pods per slot, over the nodes that count. */
  counts: Int32Array;
}

/** The nodes `counts(n)` admits, with their slots in `topo`. */
export function domainMap(key: string, topo: Topology, counts: (n: number) => boolean): DomainMap {
  const N = topo.slotOf.length;
  const slotOf = new Int32Array(N).fill(-1);
  const present = new Uint8Array(topo.slots);
  let domains = 0;
  for (let n = 0; n < N; n++) {
    if (!counts(n)) continue;
    const s = topo.slotOf[n]!;
    slotOf[n] = s;
    if (!present[s]) {
      present[s] = 1;
      domains++;
    }
  }
  return { key, slotOf, present, domains };
}

/** Sums per-node counts into the map's slots (one pass over the nodes). */
export function sumByDomain(map: DomainMap, perNode: Int32Array): Int32Array {
  const counts = new Int32Array(map.present.length);
  const { slotOf } = map;
  for (let n = 0; n < slotOf.length; n++) {
    const s = slotOf[n]!;
    if (s >= 0) counts[s]! += perNode[n]!;
  }
  return counts;
}
