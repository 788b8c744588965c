/**
 * Results per node for pods that are alike (a "template": the pods of one ReplicaSet): the filters
 * that look at the node alone (the node-static ones, NodePorts, NodeResourcesFit) and the resource
 * scores. Those change only when the node's own pods change, so they are kept per template and
 * recomputed only on nodes whose version moved since (usually the one node the previous pod went
 * to; evictions bump the versions too), found from the cluster's log of changed nodes. They come
 * first in the filter order, so the filters that look at other nodes (spreading, inter-pod
 * affinity) can be applied afterwards to the nodes that passed, pod by pod.
 *
 * The codes and the list of passing nodes are handed out to outcomes as they are (verdicts read
 * them later) and copied before they next change, so pods whose results do not differ share one
 * copy.
 */
import type { Cluster } from './cluster.js';
import type { FilterRunner, RequestVector } from './filters.js';
import type { PodInfo } from './pod-info.js';
import { balancedOnNode, leastAllocatedOnNode, type NodeResourceScores } from './scoring.js';
import type { Shape } from './shapes.js';
import { PASSED, passedNodes } from './statuses.js';

interface Entry extends NodeResourceScores {
  codes: Uint16Array;
  /** The nodes whose code is PASSED; undefined until asked for after a change. */
  passed: Int32Array | undefined;
  /** `codes` was handed out: copy before writing. */
  shared: boolean;
  /** The node versions the results were computed at. */
  seen: Int32Array;
  /** How much of the cluster's change log the results have caught up with; -1 before the first use. */
  logged: number;
}

/**
 * What a pod's per-node results depend on: its shape, its requests (`requests`: an id of the
 * pod's PodRequests, which pods written alike share) and its host ports.
 */
export function templateKey(shape: Shape, requests: number, pod: PodInfo): string {
  return `${shape.id}|${requests}|${pod.hostPorts.length === 0 ? '' : JSON.stringify(pod.hostPorts)}`;
}

/** Node-local results of one template, current for the cluster as it is (read-only: shared). */
export interface TemplateResults extends NodeResourceScores {
  codes: Uint16Array;
  passed: Int32Array;
}

export class TemplateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly scratch: Int32Array;
  private readonly stale: Int32Array;
  /** The codes of the stale nodes before their refresh. */
  private readonly before: Uint16Array;

  constructor(
    private readonly cluster: Cluster,
    private readonly filters: FilterRunner,
  ) {
    this.scratch = new Int32Array(cluster.N);
    this.stale = new Int32Array(cluster.N);
    this.before = new Uint16Array(cluster.N);
  }

  /** Brings the template's results up to date for this pod and returns them. */
  refresh(key: string, pod: PodInfo, shape: Shape, request: RequestVector): TemplateResults {
    const { N, nodeVersion, changes } = this.cluster;
    let e = this.entries.get(key);
    if (!e) {
      e = {
        codes: new Uint16Array(N),
        least: new Int16Array(N),
        balanced: new Int16Array(N),
        passed: undefined,
        shared: false,
        seen: new Int32Array(N).fill(-1),
        logged: -1,
      };
      this.entries.set(key, e);
    }
    const stale = this.staleNodes(e, nodeVersion, changes);
    if (stale.length > 0) {
      if (e.shared) {
        e.codes = e.codes.slice();
        e.shared = false;
      }
      const { codes } = e;
      const before = this.before;
      stale.forEach((n, i) => {
        before[i] = codes[n]!;
      });
      this.filters.run(pod, shape, request, codes, undefined, stale);
      stale.forEach((n, i) => {
        e.least[n] = leastAllocatedOnNode(this.cluster, pod, n);
        e.balanced[n] = balancedOnNode(this.cluster, pod, n);
        // The passing nodes change only when a node starts or stops passing.
        if ((before[i] === PASSED) !== (codes[n] === PASSED)) e.passed = undefined;
      });
    }
    e.passed ??= passedNodes(e.codes, this.scratch);
    e.shared = true;
    return e as TemplateResults;
  }

  /** Nodes changed since the entry's last refresh (every node on first use, or after many changes). */
  private staleNodes(e: Entry, nodeVersion: Int32Array, changes: readonly number[]): Int32Array {
    const { stale } = this;
    let count = 0;
    const mark = (n: number): void => {
      if (e.seen[n] !== nodeVersion[n]) {
        e.seen[n] = nodeVersion[n]!;
        stale[count++] = n;
      }
    };
    if (e.logged < 0 || changes.length - e.logged > nodeVersion.length) {
      for (let n = 0; n < nodeVersion.length; n++) mark(n);
    } else {
      for (let i = e.logged; i < changes.length; i++) mark(changes[i]!);
    }
    e.logged = changes.length;
    return stale.subarray(0, count);
  }
}
