/**
 * The scheduling loop: pods in priority order (stable, so creation order among equals), each
 * filtered on every node, scored on the feasible ones and bound to the best, which then counts for
 * the pods after it (as kube-scheduler's assumed pods do). Unschedulable pods get the
 * FailedScheduling message and, when lower-priority pods could make room, preempt them.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Cluster, type Placed } from './cluster.js';
import { defaultSpreadSelector } from './default-spread.js';
import { FilterRunner, requestVector } from './filters.js';
import { formatFitError, NO_NODES_MESSAGE } from './fit-error.js';
import type { NodeVerdict, SchedulingInput, SchedulingOutcome } from './index.js';
import { isEmptySelector, type Labels } from './labels.js';
import { hasPodAffinity, type PodInfo, podInfo } from './pod-info.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as spread from './plugins/pod-topology-spread.js';
import { preempt } from './preemption.js';
import { type NodeResourceScores, type NodeScores, Scorer, type SpreadScoring } from './scoring.js';
import { buildShape, type Shape } from './shapes.js';
import { PASSED, StatusTable } from './statuses.js';
import { TemplateCache, templateKey } from './template-cache.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namespaceLabelLookup(namespaces: SchedulingInput['namespaces']): (ns: string) => Labels {
  const byName = new Map<string, Labels>();
  for (const ns of namespaces ?? []) {
    const meta = isRecord(ns?.metadata) ? ns.metadata : {};
    if (typeof meta.name !== 'string') continue;
    const labels: Record<string, string> = {};
    if (isRecord(meta.labels)) for (const [k, v] of Object.entries(meta.labels)) if (typeof v === 'string') labels[k] = v;
    byName.set(meta.name, labels);
  }
  const none: Labels = {};
  return (ns) => byName.get(ns) ?? none;
}

/** Pods that have finished hold no resources: kube-scheduler's cache leaves them out. */
function isTerminal(pod: IPod): boolean {
  const phase = isRecord(pod?.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The nodes whose status code is PASSED, in order. */
function passed(codes: Uint16Array): Int32Array {
  let count = 0;
  for (const c of codes) if (c === PASSED) count++;
  const out = new Int32Array(count);
  let i = 0;
  for (let n = 0; n < codes.length; n++) if (codes[n] === PASSED) out[i++] = n;
  return out;
}

/** The result of filtering and scoring, kept compact; verdicts are built from it on demand. */
interface Attempt {
  codes: Uint16Array;
  feasible: Int32Array;
  scores?: NodeScores;
}

function verdictsOf(cluster: Cluster, statuses: StatusTable, attempt: Attempt): NodeVerdict[] {
  const { codes, feasible, scores } = attempt;
  const F = feasible.length;
  const slot = new Map<number, number>();
  feasible.forEach((n, j) => slot.set(n, j));
  return cluster.nodes.map((node, n) => {
    const code = codes[n]!;
    if (code !== PASSED) {
      const status = statuses.entries[code]!;
      return { node: node.name, plugin: status.plugin, reasons: [...status.reasons] };
    }
    const j = slot.get(n)!;
    if (!scores) return { node: node.name, reasons: [] };
    const perPlugin: Record<string, number> = {};
    let total = 0;
    scores.plugins.forEach((p, i) => {
      perPlugin[p] = scores.weighted[i * F + j]!;
      total += perPlugin[p];
    });
    return { node: node.name, reasons: [], score: total, scores: perPlugin };
  });
}

/** Defines `verdicts` as a property computed on first read, so unread verdicts cost nothing. */
function withLazyVerdicts(outcome: Omit<SchedulingOutcome, 'verdicts'>, build: () => NodeVerdict[]): SchedulingOutcome {
  Object.defineProperty(outcome, 'verdicts', {
    enumerable: true,
    configurable: true,
    get(this: SchedulingOutcome) {
      const value = build();
      Object.defineProperty(this, 'verdicts', { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
  return outcome as SchedulingOutcome;
}

export interface SchedulerOptions {
  /** Reuse per-node results across pods alike (template-cache.ts); off only to check that it changes nothing. */
  reuseTemplates?: boolean;
}

export function runScheduler(input: SchedulingInput, options: SchedulerOptions = {}): SchedulingOutcome[] {
  const reuse = options.reuseTemplates ?? true;
  const cluster = new Cluster(Array.isArray(input?.nodes) ? input.nodes : [], namespaceLabelLookup(input?.namespaces));
  const statuses = new StatusTable();
  const bound = (Array.isArray(input?.boundPods) ? input.boundPods : []).filter((p) => !isTerminal(p)).map(podInfo);
  const pending = (Array.isArray(input?.pendingPods) ? input.pendingPods : []).map(podInfo);
  for (const p of [...bound, ...pending]) for (const name of p.resources.requests.keys()) cluster.resourceId(name);
  cluster.freeze();
  const place = (info: PodInfo, node: number): Placed => {
    const placed = { info, node };
    cluster.add(placed);
    return placed;
  };
  for (const info of bound) {
    const n = cluster.nodeIndex.get(info.nodeName);
    if (n !== undefined) place(info, n);
  }

  const filters = new FilterRunner(cluster, statuses);
  const scorer = new Scorer(cluster);
  const templates = new TemplateCache(cluster, filters);
  const shapes = new Map<string, Shape>();
  const shapeOf = (info: PodInfo): Shape => {
    let s = shapes.get(info.shapeKey);
    if (!s) {
      s = buildShape(cluster, info, statuses);
      shapes.set(info.shapeKey, s);
    }
    return s;
  };
  const spreadScoring = (info: PodInfo): SpreadScoring | undefined => {
    if (info.spread.length > 0) return { constraints: info.spread.filter((c) => !c.hard), requireAll: true };
    const selector = defaultSpreadSelector(info, input);
    if (selector === null || isEmptySelector(selector)) return undefined;
    return { constraints: spread.systemDefaultConstraints(selector), requireAll: false };
  };

  // Priority first; Array.prototype.sort is stable, so creation order breaks ties.
  const order = pending.map((info, i) => ({ info, i })).sort((a, b) => b.info.priority - a.info.priority || a.i - b.i);
  const outcomes: SchedulingOutcome[] = [];
  for (const { info } of order) {
    const pod = info.pod;
    if (info.nodeName !== '') {
      // Already bound by its author: kube-scheduler never sees it; it just occupies its node.
      const n = cluster.nodeIndex.get(info.nodeName);
      if (n !== undefined) place(info, n);
      outcomes.push({ pod, nodeName: info.nodeName, verdicts: [] });
      continue;
    }
    if (info.gated) {
      outcomes.push({ pod, gated: true, verdicts: [] });
      continue;
    }
    if (cluster.N === 0) {
      outcomes.push({ pod, message: NO_NODES_MESSAGE, verdicts: [] });
      continue;
    }
    const shape = shapeOf(info);
    const request = requestVector(cluster, info);
    const spreading = spreadScoring(info);
    const affinityScores = interPodAffinity.scoreState(cluster, info);
    let codes: Uint16Array;
    let feasible: Int32Array;
    let known: NodeResourceScores | undefined;
    let preFilterMessage = '';
    if (shape.conflict) {
      codes = new Uint16Array(cluster.N).fill(statuses.code(nodeAffinity.NAME, [nodeAffinity.CONFLICT_REASON], true));
      feasible = new Int32Array(0);
      preFilterMessage = nodeAffinity.CONFLICT_REASON;
    } else if (
      reuse &&
      info.spread.length === 0 &&
      !hasPodAffinity(info) &&
      spreading === undefined &&
      affinityScores === undefined &&
      interPodAffinity.filterState(cluster, info) === undefined
    ) {
      // Nothing about other pods' placement matters: reuse the results of pods alike.
      const entry = templates.refresh(templateKey(info, request), info, shape, request);
      known = entry;
      codes = entry.codes.slice();
      feasible = passed(codes);
    } else {
      codes = new Uint16Array(cluster.N);
      feasible = filters.run(info, shape, request, codes);
    }
    if (feasible.length > 0) {
      const attempt: Attempt = { codes, feasible };
      let chosen = feasible[0]!;
      // With a single feasible node kube-scheduler binds it without scoring.
      if (feasible.length > 1) {
        attempt.scores = known
          ? scorer.scoreKnown(info, shape, feasible, known)
          : scorer.score(info, shape, feasible, spreading, affinityScores);
        chosen = feasible[attempt.scores.best]!;
      }
      place(info, chosen);
      outcomes.push(withLazyVerdicts({ pod, nodeName: cluster.nodes[chosen]!.name }, () => verdictsOf(cluster, statuses, attempt)));
      continue;
    }
    const attempt: Attempt = { codes, feasible };
    const failure = formatFitError(cluster.N, statuses.countReasons(codes), preFilterMessage);
    const preemption = preempt(cluster, info, codes, statuses, (n) => {
      const one = new Uint16Array(cluster.N);
      filters.run(info, shape, request, one, [n]);
      return one[n]!;
    });
    const verdicts = (): NodeVerdict[] => verdictsOf(cluster, statuses, attempt);
    if (preemption.node === undefined) {
      const message = preemption.message ? `${failure} ${preemption.message}` : failure;
      outcomes.push(withLazyVerdicts({ pod, message }, verdicts));
      continue;
    }
    for (const v of preemption.victims) cluster.remove(v);
    place(info, preemption.node);
    const nominatedNodeName = cluster.nodes[preemption.node]!.name;
    outcomes.push(
      withLazyVerdicts(
        {
          pod,
          nodeName: nominatedNodeName,
          preemption: { nominatedNodeName, victims: preemption.victims.map((v) => v.info.pod), message: failure },
        },
        verdicts,
      ),
    );
  }
  return outcomes;
}
