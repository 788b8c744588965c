/**
 * The scores that depend only on the node and on the pod's shape and images: TaintToleration and
 * NodeAffinity (normalised over the feasible nodes) and ImageLocality. Pods alike share their list
 * of feasible nodes while it does not change (template-cache.ts), so these columns, with their
 * weighted sum per node, are computed once per shape, images and feasible list and shared by the
 * outcomes of those pods. Columns equal on every node are kept as one number.
 */
import type { Cluster } from './cluster.js';
import { MAX_NODE_SCORE } from './normalize.js';
import type { PodInfo } from './pod-info.js';
import * as imageLocality from './plugins/image-locality.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as taintToleration from './plugins/taint-toleration.js';
import { type ScoreColumns, storedScale } from './score-columns.js';
import type { Shape } from './shapes.js';

/** ImageLocality of every node for one list of images, and the score when it is the same on every node. */
export interface ImageScores {
  id: number;
  scores: Int32Array;
  same: number | undefined;
}

export interface StaticColumns {
  taint: Uint8Array | Int16Array | number;
  /** Absent when the pod has no preferred node affinity (the plugin does not score). */
  affinity: Uint8Array | Int16Array | undefined;
  image: Uint8Array | Int16Array | number;
  /** Their weighted sum per feasible node. */
  totals: Int32Array;
  /** Their stored scores ORed together (see score-columns.ts). */
  bits: number;
}

export class StaticScores {
  /** ImageLocality per node, by the pod's list of images (node images do not change). */
  private readonly images = new Map<string, ImageScores>();
  /** Columns by the feasible list they were computed for, then by shape and images. */
  private readonly shared = new WeakMap<Int32Array, Map<string, StaticColumns>>();
  private readonly scratch: Int32Array;

  constructor(private readonly cluster: Cluster) {
    this.scratch = new Int32Array(cluster.N);
  }

  imageScoresOf(pod: PodInfo): ImageScores {
    const key = this.cluster.images.hasAny ? JSON.stringify(pod.images) : '';
    let entry = this.images.get(key);
    if (!entry) {
      const scores = imageLocality.imageLocalityScores(this.cluster, key === '' ? [] : pod.images);
      entry = { id: this.images.size, scores, same: scores.every((v) => v === scores[0]) ? scores[0] : undefined };
      this.images.set(key, entry);
    }
    return entry;
  }

  /**
   * The columns for a pod over `feasible`, kept in `store` (`wide`: as weighted 16-bit scores).
   * `share`: the feasible list is shared by pods alike, and so may be the columns.
   */
  columnsOf(
    shape: Shape,
    images: ImageScores,
    feasible: Int32Array,
    store: ScoreColumns,
    wide: boolean,
    share: boolean,
  ): StaticColumns {
    const key = `${shape.id}:${images.id}`;
    const cacheable = share && !wide;
    const byKey = cacheable ? this.shared.get(feasible) : undefined;
    const found = byKey?.get(key);
    if (found) return found;
    const F = feasible.length;
    const prefer = shape.preferNoScheduleCount;
    const preferred = shape.preferredAffinity;
    let maxPrefer = 0;
    let maxPreferred = 0;
    if (shape.preferNoScheduleMax > 0 || preferred) {
      for (let j = 0; j < F; j++) {
        const n = feasible[j]!;
        if (prefer[n]! > maxPrefer) maxPrefer = prefer[n]!;
        if (preferred && preferred[n]! > maxPreferred) maxPreferred = preferred[n]!;
      }
    }
    // defaultNormalizeScore, reversed for taints: all 100 when no node has any.
    const taint = maxPrefer > 0 ? store.take(F, wide) : MAX_NODE_SCORE;
    const affinity = preferred ? store.take(F, wide) : undefined;
    const image = images.same === undefined ? store.take(F, wide) : images.same;
    const totals = cacheable ? new Int32Array(F) : this.scratch.subarray(0, F);
    const fixed =
      (typeof taint === 'number' ? taint * taintToleration.WEIGHT : 0) +
      (typeof image === 'number' ? image * imageLocality.WEIGHT : 0);
    const taintScale = storedScale(taintToleration.WEIGHT, wide);
    const affinityScale = storedScale(nodeAffinity.WEIGHT, wide);
    const imageScale = storedScale(imageLocality.WEIGHT, wide);
    const imageScores = images.scores;
    let bits = 0;
    for (let j = 0; j < F; j++) {
      const n = feasible[j]!;
      let total = fixed;
      if (typeof taint !== 'number') {
        const v = MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * prefer[n]!) / maxPrefer);
        taint[j] = v * taintScale;
        bits |= v;
        total += v * taintToleration.WEIGHT;
      }
      if (affinity) {
        const v = maxPreferred === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * preferred![n]!) / maxPreferred);
        affinity[j] = v * affinityScale;
        bits |= v;
        total += v * nodeAffinity.WEIGHT;
      }
      if (typeof image !== 'number') {
        const v = imageScores[n]!;
        image[j] = v * imageScale;
        bits |= v;
        total += v * imageLocality.WEIGHT;
      }
      totals[j] = total;
    }
    const columns = { taint, affinity, image, totals, bits };
    if (cacheable) {
      if (byKey) byKey.set(key, columns);
      else this.shared.set(feasible, new Map([[key, columns]]));
    }
    return columns;
  }
}
