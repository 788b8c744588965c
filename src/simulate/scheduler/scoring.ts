/**
 * Scores the feasible nodes for one pod: each plugin's raw score, its NormalizeScore where it has
 * one, times its weight; the node with the highest sum wins. Plugins that kube-scheduler would skip
 * for this pod (PreScore returning Skip) give no score.
 */
import type { Cluster } from './cluster.js';
import { defaultNormalizeScore, MAX_NODE_SCORE } from './normalize.js';
import type { PodInfo, SpreadConstraint } from './pod-info.js';
import * as balanced from './plugins/balanced-allocation.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as fit from './plugins/node-resources-fit.js';
import * as spread from './plugins/pod-topology-spread.js';
import * as taintToleration from './plugins/taint-toleration.js';
import type { Shape } from './shapes.js';

export interface NodeScores {
  /** Names of the plugins that scored, in profile order. */
  plugins: string[];
  /** Weighted scores, plugin-major: weighted[p * F + j] for feasible node j. */
  weighted: Int16Array;
  totals: Int32Array;
  /** Index into the feasible list of the chosen node. */
  best: number;
}

export interface SpreadScoring {
  constraints: SpreadConstraint[];
  /** false for the system defaults: nodes lacking the zone label still get hostname spreading. */
  requireAll: boolean;
}

export function scoreNodes(cluster: Cluster, pod: PodInfo, shape: Shape, feasible: Int32Array, spreading: SpreadScoring | undefined): NodeScores {
  const F = feasible.length;
  const R = cluster.R;
  const plugins: string[] = [];
  const columns: Int32Array[] = [];
  const add = (name: string, weight: number, raw: Int32Array): void => {
    if (weight !== 1) for (let j = 0; j < F; j++) raw[j]! *= weight;
    plugins.push(name);
    columns.push(raw);
  };

  const taints = new Int32Array(F);
  for (let j = 0; j < F; j++) taints[j] = shape.preferNoScheduleCount[feasible[j]!]!;
  defaultNormalizeScore(MAX_NODE_SCORE, true, taints);
  add(taintToleration.NAME, taintToleration.WEIGHT, taints);

  if (shape.preferredAffinity) {
    const raw = new Int32Array(F);
    for (let j = 0; j < F; j++) raw[j] = shape.preferredAffinity[feasible[j]!]!;
    defaultNormalizeScore(MAX_NODE_SCORE, false, raw);
    add(nodeAffinity.NAME, nodeAffinity.WEIGHT, raw);
  }

  // LeastAllocated over cpu and memory, weight 1 each, with the 100m / 200Mi defaults.
  const least = new Int32Array(F);
  const podCpu = pod.resources.nonZeroCpu;
  const podMemory = pod.resources.nonZeroMemory;
  for (let j = 0; j < F; j++) {
    const n = feasible[j]!;
    const cpuAlloc = cluster.allocatable[n * R]!;
    const memAlloc = cluster.allocatable[n * R + 1]!;
    let sum = 0;
    let weights = 0;
    if (cpuAlloc !== 0) {
      sum += fit.leastRequestedScore(cluster.nonZeroCpu[n]! + podCpu, cpuAlloc);
      weights++;
    }
    if (memAlloc !== 0) {
      sum += fit.leastRequestedScore(cluster.nonZeroMemory[n]! + podMemory, memAlloc);
      weights++;
    }
    least[j] = weights === 0 ? 0 : Math.trunc(sum / weights);
  }
  add(fit.NAME, fit.WEIGHT, least);

  if (spreading && spreading.constraints.length > 0) {
    const state = spread.scoreState(cluster, pod, spreading.constraints, feasible, spreading.requireAll, shape);
    const raw = new Int32Array(F);
    for (let j = 0; j < F; j++) raw[j] = spread.scoreNode(state, feasible[j]!, j);
    spread.normalize(state, raw);
    add(spread.NAME, spread.WEIGHT, raw);
  }

  const affinity = interPodAffinity.scoreState(cluster, pod);
  if (affinity) {
    const raw = new Int32Array(F);
    for (let j = 0; j < F; j++) raw[j] = interPodAffinity.scoreNode(affinity, feasible[j]!);
    interPodAffinity.normalize(raw);
    add(interPodAffinity.NAME, interPodAffinity.WEIGHT, raw);
  }

  // BalancedAllocation uses actual requests and skips pods that request neither cpu nor memory.
  const cpuRequest = pod.resources.requests.get('cpu') ?? 0;
  const memoryRequest = pod.resources.requests.get('memory') ?? 0;
  if (cpuRequest !== 0 || memoryRequest !== 0) {
    const raw = new Int32Array(F);
    for (let j = 0; j < F; j++) {
      const n = feasible[j]!;
      raw[j] = balanced.balancedCpuMemory(
        cluster.requested[n * R]! + cpuRequest,
        cluster.allocatable[n * R]!,
        cluster.requested[n * R + 1]! + memoryRequest,
        cluster.allocatable[n * R + 1]!,
      );
    }
    add(balanced.NAME, balanced.WEIGHT, raw);
  }

  const P = plugins.length;
  const weighted = new Int16Array(P * F);
  const totals = new Int32Array(F);
  for (let p = 0; p < P; p++) {
    const col = columns[p]!;
    weighted.set(col, p * F);
    for (let j = 0; j < F; j++) totals[j]! += col[j]!;
  }
  // Ties go to the first node in name order (feasible is in name order).
  let best = 0;
  for (let j = 1; j < F; j++) if (totals[j]! > totals[best]!) best = j;
  return { plugins, weighted, totals, best };
}
