/**
 * Scores the feasible nodes for one pod: each plugin's raw score, its NormalizeScore where it has
 * one, times its weight; the node with the highest sum wins. Plugins that kube-scheduler would skip
 * for this pod (PreScore returning Skip) give no score.
 */
import type { Cluster } from './cluster.js';
import { defaultNormalizeScore, MAX_NODE_SCORE } from './normalize.js';
import type { PodInfo } from './pod-info.js';
import * as balanced from './plugins/balanced-allocation.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as imageLocality from './plugins/image-locality.js';
import * as fit from './plugins/node-resources-fit.js';
import * as spread from './plugins/pod-topology-spread.js';
import * as taintToleration from './plugins/taint-toleration.js';
import type { Shape } from './shapes.js';

export interface NodeScores {
  /** Names of the plugins that scored, in profile order. */
  plugins: string[];
  /** Weighted scores, plugin-major: weighted[p * F + j] for feasible node j. */
  weighted: Int16Array;
  /** Index into the feasible list of the chosen node. */
  best: number;
}

/** LeastAllocated over cpu and memory (weight 1 each) with the 100m / 200Mi defaults. */
export function leastAllocatedOnNode(cluster: Cluster, pod: PodInfo, n: number): number {
  const { allocatable, nonZeroCpu, nonZeroMemory, R } = cluster;
  const cpuAlloc = allocatable[n * R]!;
  const memAlloc = allocatable[n * R + 1]!;
  let sum = 0;
  let weights = 0;
  if (cpuAlloc !== 0) {
    sum += fit.leastRequestedScore(nonZeroCpu[n]! + pod.resources.nonZeroCpu, cpuAlloc);
    weights++;
  }
  if (memAlloc !== 0) {
    sum += fit.leastRequestedScore(nonZeroMemory[n]! + pod.resources.nonZeroMemory, memAlloc);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

/** BalancedAllocation over cpu and memory with actual requests. */
export function balancedOnNode(cluster: Cluster, pod: PodInfo, n: number): number {
  const { allocatable, requested, R } = cluster;
  return balanced.balancedCpuMemory(
    requested[n * R]! + (pod.resources.requests.get('cpu') ?? 0),
    allocatable[n * R]!,
    requested[n * R + 1]! + (pod.resources.requests.get('memory') ?? 0),
    allocatable[n * R + 1]!,
  );
}

/** BalancedAllocation's PreScore: skipped for a pod that requests neither cpu nor memory. */
export function balancedApplies(pod: PodInfo): boolean {
  return (pod.resources.requests.get('cpu') ?? 0) !== 0 || (pod.resources.requests.get('memory') ?? 0) !== 0;
}

/** Results of the resource plugins per node index, when already known (see template-cache.ts). */
export interface NodeResourceScores {
  least: Int16Array;
  balanced: Int16Array;
}

/** Stores a plugin's weighted scores and adds them to the totals. */
function addColumn(raw: Int32Array, weight: number, out: Int16Array, totals: Int32Array): void {
  for (let j = 0; j < raw.length; j++) {
    const v = raw[j]! * weight;
    out[j] = v;
    totals[j]! += v;
  }
}

/** Scratch buffers reused from pod to pod, so scoring allocates only what it keeps. */
export class Scorer {
  private raw: Int32Array;
  private totals: Int32Array;
  private spreadColumn: Int32Array;
  private affinityColumn: Int32Array;
  /** ImageLocality per node, by the pod's list of images (node images do not change). */
  private readonly imageScores = new Map<string, Int32Array>();

  constructor(private readonly cluster: Cluster) {
    this.raw = new Int32Array(cluster.N);
    this.totals = new Int32Array(cluster.N);
    this.spreadColumn = new Int32Array(cluster.N);
    this.affinityColumn = new Int32Array(cluster.N);
  }

  private imageScoresOf(pod: PodInfo): Int32Array {
    const key = this.cluster.images.hasAny ? JSON.stringify(pod.images) : '';
    let scores = this.imageScores.get(key);
    if (!scores) {
      scores = imageLocality.imageLocalityScores(this.cluster, key === '' ? [] : pod.images);
      this.imageScores.set(key, scores);
    }
    return scores;
  }

  /** PodTopologySpread's normalised scores over the feasible nodes, in a scratch column. */
  private spreadScores(state: spread.SpreadScoreState, feasible: Int32Array): Int32Array {
    const column = this.spreadColumn.subarray(0, feasible.length);
    for (let j = 0; j < feasible.length; j++) column[j] = spread.scoreNode(state, feasible[j]!, j);
    spread.normalize(state, column);
    return column;
  }

  /** InterPodAffinity's normalised scores over the feasible nodes, in a scratch column. */
  private affinityScores(state: interPodAffinity.AffinityScoreState, feasible: Int32Array): Int32Array {
    const column = this.affinityColumn.subarray(0, feasible.length);
    for (let j = 0; j < feasible.length; j++) column[j] = interPodAffinity.scoreNode(state, feasible[j]!);
    interPodAffinity.normalize(column);
    return column;
  }

  /**
   * The same scores as score() for a pod whose resource scores are known per node (see
   * template-cache.ts): the columns that need a normalisation over all feasible nodes first, then
   * one pass for everything else.
   */
  scoreKnown(
    pod: PodInfo,
    shape: Shape,
    feasible: Int32Array,
    known: NodeResourceScores,
    spreadState: spread.SpreadScoreState | undefined,
    affinityState: interPodAffinity.AffinityScoreState | undefined,
  ): NodeScores {
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
    const spreadScores = spreadState ? this.spreadScores(spreadState, feasible) : undefined;
    const affinityScores = affinityState ? this.affinityScores(affinityState, feasible) : undefined;
    const balance = balancedApplies(pod);
    const plugins = [taintToleration.NAME];
    const column = (plugin: string, applies: unknown): number => {
      if (!applies) return -1;
      plugins.push(plugin);
      return (plugins.length - 1) * F;
    };
    const affinityColumn = column(nodeAffinity.NAME, preferred);
    const fitColumn = column(fit.NAME, true);
    const spreadColumn = column(spread.NAME, spreadScores);
    const interPodColumn = column(interPodAffinity.NAME, affinityScores);
    const balancedColumn = column(balanced.NAME, balance);
    const imageColumn = column(imageLocality.NAME, true);
    const weighted = new Int16Array(plugins.length * F);
    const images = this.imageScoresOf(pod);
    const { least, balanced: balancedScores } = known;
    let best = 0;
    let bestTotal = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < F; j++) {
      const n = feasible[j]!;
      // defaultNormalizeScore, reversed for taints: all 100 when no node has any.
      const taint = (maxPrefer === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * prefer[n]!) / maxPrefer)) * taintToleration.WEIGHT;
      weighted[j] = taint;
      let total = taint;
      if (preferred) {
        const affinity = (maxPreferred === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * preferred[n]!) / maxPreferred)) * nodeAffinity.WEIGHT;
        weighted[affinityColumn + j] = affinity;
        total += affinity;
      }
      const l = least[n]! * fit.WEIGHT;
      weighted[fitColumn + j] = l;
      total += l;
      if (spreadScores) {
        const v = spreadScores[j]! * spread.WEIGHT;
        weighted[spreadColumn + j] = v;
        total += v;
      }
      if (affinityScores) {
        const v = affinityScores[j]! * interPodAffinity.WEIGHT;
        weighted[interPodColumn + j] = v;
        total += v;
      }
      if (balance) {
        const b = balancedScores[n]! * balanced.WEIGHT;
        weighted[balancedColumn + j] = b;
        total += b;
      }
      const image = images[n]! * imageLocality.WEIGHT;
      weighted[imageColumn + j] = image;
      total += image;
      // Ties go to the first node in name order (feasible is in name order).
      if (total > bestTotal) {
        bestTotal = total;
        best = j;
      }
    }
    return { plugins, weighted, best };
  }

  /**
   * Every plugin's scores from scratch, one column after the other: the straightforward
   * computation that scoreKnown() must agree with.
   */
  score(
    pod: PodInfo,
    shape: Shape,
    feasible: Int32Array,
    spreadState: spread.SpreadScoreState | undefined,
    affinityState: interPodAffinity.AffinityScoreState | undefined,
  ): NodeScores {
    const cluster = this.cluster;
    const F = feasible.length;
    const balance = balancedApplies(pod);
    const plugins = [
      taintToleration.NAME,
      ...(shape.preferredAffinity ? [nodeAffinity.NAME] : []),
      fit.NAME,
      ...(spreadState ? [spread.NAME] : []),
      ...(affinityState ? [interPodAffinity.NAME] : []),
      ...(balance ? [balanced.NAME] : []),
      imageLocality.NAME,
    ];
    const weighted = new Int16Array(plugins.length * F);
    const raw = this.raw.subarray(0, F);
    const totals = this.totals.subarray(0, F);
    totals.fill(0);
    let column = 0;
    const keep = (weight: number): void => {
      addColumn(raw, weight, weighted.subarray(column * F, (column + 1) * F), totals);
      column++;
    };

    if (shape.preferNoScheduleMax === 0) {
      // No node has an untolerated PreferNoSchedule taint: everyone gets the maximum.
      raw.fill(MAX_NODE_SCORE);
    } else {
      for (let j = 0; j < F; j++) raw[j] = shape.preferNoScheduleCount[feasible[j]!]!;
      defaultNormalizeScore(MAX_NODE_SCORE, true, raw);
    }
    keep(taintToleration.WEIGHT);

    if (shape.preferredAffinity) {
      for (let j = 0; j < F; j++) raw[j] = shape.preferredAffinity[feasible[j]!]!;
      defaultNormalizeScore(MAX_NODE_SCORE, false, raw);
      keep(nodeAffinity.WEIGHT);
    }

    for (let j = 0; j < F; j++) raw[j] = leastAllocatedOnNode(cluster, pod, feasible[j]!);
    keep(fit.WEIGHT);

    if (spreadState) {
      for (let j = 0; j < F; j++) raw[j] = spread.scoreNode(spreadState, feasible[j]!, j);
      spread.normalize(spreadState, raw);
      keep(spread.WEIGHT);
    }

    if (affinityState) {
      for (let j = 0; j < F; j++) raw[j] = interPodAffinity.scoreNode(affinityState, feasible[j]!);
      interPodAffinity.normalize(raw);
      keep(interPodAffinity.WEIGHT);
    }

    if (balance) {
      for (let j = 0; j < F; j++) raw[j] = balancedOnNode(cluster, pod, feasible[j]!);
      keep(balanced.WEIGHT);
    }

    const images = this.imageScoresOf(pod);
    for (let j = 0; j < F; j++) raw[j] = images[feasible[j]!]!;
    keep(imageLocality.WEIGHT);

    // Ties go to the first node in name order (feasible is in name order).
    let best = 0;
    for (let j = 1; j < F; j++) if (totals[j]! > totals[best]!) best = j;
    return { plugins, weighted, best };
  }
}
