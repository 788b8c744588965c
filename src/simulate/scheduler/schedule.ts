/**
 * The scheduling loop: pods in priority order (stable, so creation order among equals), each
 * filtered on every node, scored on the feasible ones and bound to the best, which then counts for
 * the pods after it (as kube-scheduler's assumed pods do). Unschedulable pods get the
 * FailedScheduling message and, when lower-priority pods could make room, preempt them.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Cluster } from './cluster.js';
import { defaultSpreadSelector } from './default-spread.js';
import { FilterRunner, type RequestVector, requestVector } from './filters.js';
import { formatFitError, NO_NODES_MESSAGE } from './fit-error.js';
import type { SchedulingInput, SchedulingOutcome } from './index.js';
import { isEmptySelector, type Labels } from './labels.js';
import { type Attempt, verdictsOf, withLazyVerdicts } from './outcome.js';
import { hasPodAffinity, type PodInfo, podInfo } from './pod-info.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as spread from './plugins/pod-topology-spread.js';
import { preempt } from './preemption.js';
import { isRecord, record, stringMap } from './read.js';
import { type NodeResourceScores, Scorer, type SpreadScoring } from './scoring.js';
import { buildShape, type Shape } from './shapes.js';
import { passedNodes, StatusTable } from './statuses.js';
import { TemplateCache, templateKey } from './template-cache.js';

export interface SchedulerOptions {
  /** Reuse per-node results across pods alike (template-cache.ts); off only to check that it changes nothing. */
  reuseTemplates?: boolean;
}

function namespaceLabelLookup(namespaces: SchedulingInput['namespaces']): (ns: string) => Labels {
  const byName = new Map<string, Labels>();
  for (const ns of Array.isArray(namespaces) ? namespaces : []) {
    const meta = record(ns?.metadata);
    if (typeof meta.name === 'string') byName.set(meta.name, stringMap(meta.labels));
  }
  const none: Labels = {};
  return (ns) => byName.get(ns) ?? none;
}

/** Pods that have finished hold no resources: kube-scheduler's cache leaves them out. */
function isTerminal(pod: IPod): boolean {
  const phase = isRecord(pod?.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

class SchedulingRun {
  private readonly cluster: Cluster;
  private readonly statuses = new StatusTable();
  private readonly filters: FilterRunner;
  private readonly scorer: Scorer;
  private readonly templates: TemplateCache;
  private readonly shapes = new Map<string, Shape>();
  private readonly spreading = new Map<string, SpreadScoring | undefined>();
  private readonly scratch: Int32Array;
  /** Whether any object that can give a pod default spreading was passed in. */
  private readonly hasSpreadingOwners: boolean;

  constructor(
    private readonly input: SchedulingInput,
    private readonly reuse: boolean,
    pods: readonly PodInfo[],
  ) {
    this.cluster = new Cluster(list(input?.nodes), namespaceLabelLookup(input?.namespaces));
    for (const p of pods) for (const name of p.resources.requests.keys()) this.cluster.resourceId(name);
    this.cluster.freeze();
    this.filters = new FilterRunner(this.cluster, this.statuses);
    this.scorer = new Scorer(this.cluster);
    this.templates = new TemplateCache(this.cluster, this.filters);
    this.scratch = new Int32Array(this.cluster.N);
    const owners = [input?.services, input?.replicaSets, input?.statefulSets, input?.replicationControllers];
    this.hasSpreadingOwners = owners.some((l) => Array.isArray(l) && l.length > 0);
  }

  /** Puts a pod on a node by name, when the node exists. */
  occupy(info: PodInfo): void {
    const n = this.cluster.nodeIndex.get(info.nodeName);
    if (n !== undefined) this.cluster.add({ info, node: n });
  }

  schedule(info: PodInfo): SchedulingOutcome {
    const pod = info.pod;
    if (info.nodeName !== '') {
      // Already bound by its author: kube-scheduler never sees it; it just occupies its node.
      this.occupy(info);
      return { pod, nodeName: info.nodeName, verdicts: [] };
    }
    if (info.gated) return { pod, gated: true, verdicts: [] };
    if (this.cluster.N === 0) return { pod, message: NO_NODES_MESSAGE, verdicts: [] };

    const shape = this.shapeOf(info);
    const request = requestVector(this.cluster, info);
    const spreading = this.spreadScoring(info);
    const affinityScores = interPodAffinity.scoreState(this.cluster, info);
    const { attempt, known, preFilterMessage } = this.filter(info, shape, request, spreading, affinityScores);
    const { feasible } = attempt;
    if (feasible.length > 0) {
      let chosen = feasible[0]!;
      // With a single feasible node kube-scheduler binds it without scoring.
      if (feasible.length > 1) {
        attempt.scores = known
          ? this.scorer.scoreKnown(info, shape, feasible, known)
          : this.scorer.score(info, shape, feasible, spreading, affinityScores);
        chosen = feasible[attempt.scores.best]!;
      }
      this.cluster.add({ info, node: chosen });
      return this.lazy({ pod, nodeName: this.cluster.nodes[chosen]!.name }, attempt);
    }
    return this.fail(info, shape, request, attempt, preFilterMessage);
  }

  private filter(
    info: PodInfo,
    shape: Shape,
    request: RequestVector,
    spreading: SpreadScoring | undefined,
    affinityScores: interPodAffinity.AffinityScoreState | undefined,
  ): { attempt: Attempt; known?: NodeResourceScores; preFilterMessage: string } {
    const N = this.cluster.N;
    if (shape.conflict) {
      const code = this.statuses.code(nodeAffinity.NAME, [nodeAffinity.CONFLICT_REASON], true);
      return { attempt: { codes: new Uint16Array(N).fill(code), feasible: new Int32Array(0) }, preFilterMessage: nodeAffinity.CONFLICT_REASON };
    }
    const independent =
      info.spread.length === 0 &&
      !hasPodAffinity(info) &&
      spreading === undefined &&
      affinityScores === undefined &&
      interPodAffinity.filterState(this.cluster, info) === undefined;
    if (this.reuse && independent) {
      // Nothing about other pods' placement matters: reuse the results of pods alike.
      const entry = this.templates.refresh(templateKey(info, request), info, shape, request);
      const codes = entry.codes.slice();
      return { attempt: { codes, feasible: passedNodes(codes, this.scratch) }, known: entry, preFilterMessage: '' };
    }
    const codes = new Uint16Array(N);
    return { attempt: { codes, feasible: this.filters.run(info, shape, request, codes) }, preFilterMessage: '' };
  }

  /** FailedScheduling, then PostFilter: preemption evicts victims and binds the pod, or adds its reasons. */
  private fail(info: PodInfo, shape: Shape, request: RequestVector, attempt: Attempt, preFilterMessage: string): SchedulingOutcome {
    const { cluster, statuses } = this;
    const failure = formatFitError(cluster.N, statuses.countReasons(attempt.codes), preFilterMessage);
    const one = new Uint16Array(cluster.N);
    const result = preempt(cluster, info, attempt.codes, statuses, {
      filter: (n) => {
        this.filters.run(info, shape, request, one, [n]);
        return one[n]!;
      },
      stillRejects: (n, code, without) => this.filters.stillRejects(info, request, n, code, without),
    });
    if (result.node === undefined) {
      return this.lazy({ pod: info.pod, message: result.message ? `${failure} ${result.message}` : failure }, attempt);
    }
    for (const v of result.victims) cluster.remove(v);
    cluster.add({ info, node: result.node });
    const nominatedNodeName = cluster.nodes[result.node]!.name;
    const preemption = { nominatedNodeName, victims: result.victims.map((v) => v.info.pod), message: failure };
    return this.lazy({ pod: info.pod, nodeName: nominatedNodeName, preemption }, attempt);
  }

  private lazy(outcome: Omit<SchedulingOutcome, 'verdicts'>, attempt: Attempt): SchedulingOutcome {
    return withLazyVerdicts(outcome, () => verdictsOf(this.cluster, this.statuses, attempt));
  }

  private shapeOf(info: PodInfo): Shape {
    let s = this.shapes.get(info.shapeKey);
    if (!s) {
      s = buildShape(this.cluster, info, this.statuses);
      this.shapes.set(info.shapeKey, s);
    }
    return s;
  }

  /** The pod's ScheduleAnyway constraints, or the system defaults (cached: Services do not change). */
  private spreadScoring(info: PodInfo): SpreadScoring | undefined {
    if (info.spread.length > 0) return { constraints: info.spread.filter((c) => !c.hard), requireAll: true };
    if (!this.hasSpreadingOwners) return undefined;
    const key = JSON.stringify([info.namespace, info.labels, info.owner ?? null]);
    if (this.spreading.has(key)) return this.spreading.get(key);
    const selector = defaultSpreadSelector(info, this.input ?? {});
    const result =
      selector === null || isEmptySelector(selector)
        ? undefined
        : { constraints: spread.systemDefaultConstraints(selector), requireAll: false };
    this.spreading.set(key, result);
    return result;
  }
}

export function runScheduler(input: SchedulingInput, options: SchedulerOptions = {}): SchedulingOutcome[] {
  const bound = list(input?.boundPods).filter((p) => !isTerminal(p)).map(podInfo);
  const pending = list(input?.pendingPods).map(podInfo);
  const run = new SchedulingRun(input, options.reuseTemplates ?? true, [...bound, ...pending]);
  for (const info of bound) run.occupy(info);
  // Priority first; Array.prototype.sort is stable, so creation order breaks ties.
  const order = [...pending].sort((a, b) => b.priority - a.priority);
  return order.map((info) => run.schedule(info));
}

