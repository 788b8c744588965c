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
import { outsideByte, ScoreColumns, storedScale } from './score-columns.js';
import type { Shape } from './shapes.js';
import { StaticScores } from './static-scores.js';

export interface NodeScores {
  /** Names of the plugins that scored, in profile order. */
  plugins: string[];
  /**
   * Per plugin, its scores for the feasible nodes (index j in the feasible list), or one number
   * when they are all equal; times `factors` gives the weighted score.
   */
  columns: Array<Uint8Array | Int16Array | number>;
  /** Per plugin: its weight, or 1 for a column that holds weighted scores already. */
  factors: number[];
  /** Index into the feasible list of the chosen node. */
  best: number;
}

/**
 * LeastAllocated over cpu and memory (weight 1 each) with the 100m / 200Mi defaults: the placed pods
 * as NodeInfo counts them, the pod being scheduled as the Fit plugin's scorer does (no pod-level requests).
 */
export function leastAllocatedOnNode(cluster: Cluster, pod: PodInfo, n: number): number {
  const { allocatable, nonZeroCpu, nonZeroMemory, R } = cluster;
  const cpuAlloc = allocatable[n * R]!;
  const memAlloc = allocatable[n * R + 1]!;
  let sum = 0;
  let weights = 0;
  if (cpuAlloc !== 0) {
    sum += fit.leastRequestedScore(nonZeroCpu[n]! + pod.resources.leastAllocatedCpu, cpuAlloc);
    weights++;
  }
  if (memAlloc !== 0) {
    sum += fit.leastRequestedScore(nonZeroMemory[n]! + pod.resources.leastAllocatedMemory, memAlloc);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

/** BalancedAllocation over cpu and memory with actual requests: the change in balance the pod brings. */
export function balancedOnNode(cluster: Cluster, pod: PodInfo, n: number): number {
  const { allocatable, requested, R } = cluster;
  const cpu = requested[n * R]!;
  const memory = requested[n * R + 1]!;
  const cpuAlloc = allocatable[n * R]!;
  const memAlloc = allocatable[n * R + 1]!;
  return balanced.balanceImprovementScore(
    balanced.balancedCpuMemory(
      cpu + (pod.resources.requests.get('cpu') ?? 0),
      cpuAlloc,
      memory + (pod.resources.requests.get('memory') ?? 0),
      memAlloc,
    ),
    balanced.balancedCpuMemory(cpu, cpuAlloc, memory, memAlloc),
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
  private readonly spreadScratch: spread.SpreadScratch;
  private readonly store = new ScoreColumns();
  private readonly staticScores: StaticScores;

  /** `fresh`: spreading counts summed anew for every pod (see FilterRunner). */
  constructor(
    private readonly cluster: Cluster,
    private readonly fresh = false,
  ) {
    this.raw = new Int32Array(cluster.N);
    this.totals = new Int32Array(cluster.N);
    this.spreadColumn = new Int32Array(cluster.N);
    this.affinityColumn = new Int32Array(cluster.N);
    this.spreadScratch = new spread.SpreadScratch(cluster.N);
    this.staticScores = new StaticScores(cluster);
  }

  /** PodTopologySpread's normalised scores over the feasible nodes, in a scratch column. */
  private spreadScores(soft: spread.SoftBinding, feasible: Int32Array): Int32Array {
    const column = this.spreadColumn.subarray(0, feasible.length);
    spread.scoreFeasible(this.cluster, soft, feasible, this.fresh, column, this.spreadScratch);
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
   * one pass for the rest. Columns equal everywhere are kept as one number, the others as bytes;
   * should a score leave 0..255 (odd input only), the pod's columns are kept as weighted 16-bit
   * scores instead, as score() keeps them. `shared`: the feasible list is shared by pods alike.
   */
  scoreKnown(
    pod: PodInfo,
    shape: Shape,
    feasible: Int32Array,
    shared: boolean,
    known: NodeResourceScores,
    spreading: spread.SoftBinding | undefined,
    affinityState: interPodAffinity.AffinityScoreState | undefined,
    wide = false,
  ): NodeScores {
    const F = feasible.length;
    const st = this.staticScores.columnsOf(
      shape,
      this.staticScores.imageScoresOf(pod),
      feasible,
      this.store,
      wide,
      shared,
    );
    const spreadScores = spreading ? this.spreadScores(spreading, feasible) : undefined;
    const affinityScores = affinityState ? this.affinityScores(affinityState, feasible) : undefined;
    const scores: NodeScores = { plugins: [], columns: [], factors: [], best: 0 };
    const add = <C extends Uint8Array | Int16Array | number>(plugin: string, weight: number, column: C): C => {
      scores.plugins.push(plugin);
      // A wide column holds weighted scores already; a number is a score.
      scores.factors.push(wide && typeof column !== 'number' ? 1 : weight);
      scores.columns.push(column);
      return column;
    };
    add(taintToleration.NAME, taintToleration.WEIGHT, st.taint);
    if (st.affinity) add(nodeAffinity.NAME, nodeAffinity.WEIGHT, st.affinity);
    const fitColumn = add(fit.NAME, fit.WEIGHT, this.store.take(F, wide));
    const spreadColumn = spreadScores ? add(spread.NAME, spread.WEIGHT, this.store.take(F, wide)) : undefined;
    const interPodColumn = affinityScores
      ? add(interPodAffinity.NAME, interPodAffinity.WEIGHT, this.store.take(F, wide))
      : undefined;
    const balancedColumn = balancedApplies(pod)
      ? add(balanced.NAME, balanced.WEIGHT, this.store.take(F, wide))
      : undefined;
    add(imageLocality.NAME, imageLocality.WEIGHT, st.image);
    const fitScale = storedScale(fit.WEIGHT, wide);
    const spreadScale = storedScale(spread.WEIGHT, wide);
    const interPodScale = storedScale(interPodAffinity.WEIGHT, wide);
    const balancedScale = storedScale(balanced.WEIGHT, wide);
    const staticTotals = st.totals;
    const { least, balanced: balancedScores } = known;
    // Every stored score ORed together (see score-columns.ts).
    let bits = st.bits;
    let best = 0;
    let bestTotal = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < F; j++) {
      const n = feasible[j]!;
      const l = least[n]!;
      fitColumn[j] = l * fitScale;
      bits |= l;
      let total = staticTotals[j]! + l * fit.WEIGHT;
      if (spreadColumn) {
        const v = spreadScores![j]!;
        spreadColumn[j] = v * spreadScale;
        bits |= v;
        total += v * spread.WEIGHT;
      }
      if (interPodColumn) {
        const v = affinityScores![j]!;
        interPodColumn[j] = v * interPodScale;
        bits |= v;
        total += v * interPodAffinity.WEIGHT;
      }
      if (balancedColumn) {
        const b = balancedScores[n]!;
        balancedColumn[j] = b * balancedScale;
        bits |= b;
        total += b * balanced.WEIGHT;
      }
      // Ties go to the first node in name order (feasible is in name order).
      if (total > bestTotal) {
        bestTotal = total;
        best = j;
      }
    }
    if (!wide && outsideByte(bits))
      return this.scoreKnown(pod, shape, feasible, shared, known, spreading, affinityState, true);
    scores.best = best;
    return scores;
  }

  /**
   * Every plugin's scores from scratch, one column after the other: the straightforward
   * computation that scoreKnown() must agree with.
   */
  score(
    pod: PodInfo,
    shape: Shape,
    feasible: Int32Array,
    spreading: spread.SoftBinding | undefined,
    affinityState: interPodAffinity.AffinityScoreState | undefined,
  ): NodeScores {
    const cluster = this.cluster;
    const F = feasible.length;
    const balance = balancedApplies(pod);
    const plugins = [
      taintToleration.NAME,
      ...(shape.preferredAffinity ? [nodeAffinity.NAME] : []),
      fit.NAME,
      ...(spreading ? [spread.NAME] : []),
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

    if (spreading) {
      spread.scoreFeasible(cluster, spreading, feasible, this.fresh, raw, this.spreadScratch);
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

    const images = this.staticScores.imageScoresOf(pod).scores;
    for (let j = 0; j < F; j++) raw[j] = images[feasible[j]!]!;
    keep(imageLocality.WEIGHT);

    // Ties go to the first node in name order (feasible is in name order).
    let best = 0;
    for (let j = 1; j < F; j++) if (totals[j]! > totals[best]!) best = j;
    return {
      plugins,
      columns: plugins.map((_, i) => weighted.subarray(i * F, (i + 1) * F)),
      factors: plugins.map(() => 1),
      best,
    };
  }
}
