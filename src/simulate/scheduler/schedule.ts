/**
 * The scheduling loop: pods in priority order (stable, so creation order among equals), each
 * filtered on every node, scored on the feasible ones and bound to the best, which then counts for
 * the pods after it (as kube-scheduler's assumed pods do). Unschedulable pods get the
 * FailedScheduling message and, when lower-priority pods could make room, preempt them.
 */
import { cached } from '../../model/maps.js';
import { Cluster } from './cluster.js';
import { FilterRunner, type RequestVector, requestVector } from './filters.js';
import { formatFitError, NO_NODES_MESSAGE } from './fit-error.js';
import type { SchedulingInput, SchedulingOutcome } from './index.js';
import { type Attempt, verdictsOf, withLazyVerdicts } from './outcome.js';
import { type PodInfo, podReader } from './pod-info.js';
import * as interPodAffinity from './plugins/inter-pod-affinity.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import { preempt } from './preemption.js';
import { Scorer } from './scoring.js';
import { buildShape, type Shape } from './shapes.js';
import { type SpreadPlan, SpreadPlans } from './spread-plans.js';
import { StatusTable } from './statuses.js';
import { TemplateCache, templateKey, type TemplateResults } from './template-cache.js';
import { asArray, asObject, asStringMap } from '../../model/json.js';
import { isTerminal } from '../../model/pod-phase.js';
import type { SchedulingRequests } from './resources.js';
import type { Labels } from '../../model/selectors/label-selector.js';

export interface SchedulerOptions {
  /**
   * Reuse results across pods alike and keep spreading counts up to date (template-cache.ts,
   * domains.ts); off only to check that this changes nothing: then every filter runs on every node,
   * every score is computed from scratch and spreading is counted over all nodes for each pod.
   */
  reuseTemplates?: boolean;
}

function namespaceLabelLookup(namespaces: SchedulingInput['namespaces']): (ns: string) => Labels {
  const byName = new Map<string, Labels>();
  for (const ns of Array.isArray(namespaces) ? namespaces : []) {
    const meta = asObject(ns?.metadata) ?? {};
    if (typeof meta.name === 'string') byName.set(meta.name, asStringMap(meta.labels));
  }
  const none: Labels = {};
  return (ns) => byName.get(ns) ?? none;
}

class SchedulingRun {
  private readonly cluster: Cluster;
  private readonly statuses = new StatusTable();
  private readonly filters: FilterRunner;
  private readonly scorer: Scorer;
  private readonly templates: TemplateCache;
  private readonly shapes = new Map<string, Shape>();
  private readonly plans: SpreadPlans;
  private readonly requests = new Map<SchedulingRequests, { id: number; vector: RequestVector }>();
  /** Filter codes of preemption's trials, one node at a time. */
  private readonly oneNode: Uint16Array;

  /** `reuse` false: the straightforward computation, kept to check that reuse changes nothing. */
  constructor(
    input: SchedulingInput,
    private readonly reuse: boolean,
    pods: readonly PodInfo[],
  ) {
    this.cluster = new Cluster(asArray(input?.nodes), namespaceLabelLookup(input?.namespaces));
    for (const p of pods) for (const name of p.resources.requests.keys()) this.cluster.resourceId(name);
    this.cluster.freeze();
    this.filters = new FilterRunner(this.cluster, this.statuses, !reuse);
    this.scorer = new Scorer(this.cluster, !reuse);
    this.templates = new TemplateCache(this.cluster, this.filters);
    this.oneNode = new Uint16Array(this.cluster.N);
    this.plans = new SpreadPlans(this.cluster, input ?? {}, reuse);
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
    const { id: requests, vector: request } = this.requestsOf(info);
    const plan = this.plans.planFor(info, shape);
    const { attempt, known, preFilterMessage } = this.filter(info, shape, request, requests, plan);
    const { feasible } = attempt;
    if (feasible.length > 0) {
      let chosen = feasible[0]!;
      // With a single feasible node kube-scheduler binds it without scoring.
      if (feasible.length > 1) {
        // Filtering changes nothing in the cluster, so scoring state read now is what it was before.
        const affinityScores = interPodAffinity.scoreState(this.cluster, info);
        attempt.scores = known
          ? this.scorer.scoreKnown(info, shape, feasible, feasible === known.passed, known, plan.soft, affinityScores)
          : this.scorer.score(info, shape, feasible, plan.soft, affinityScores);
        chosen = feasible[attempt.scores.best]!;
      }
      this.cluster.add({ info, node: chosen });
      return this.lazy({ pod, nodeName: this.cluster.nodes[chosen]!.name }, attempt);
    }
    return this.fail(info, shape, request, plan, attempt, preFilterMessage);
  }

  private filter(
    info: PodInfo,
    shape: Shape,
    request: RequestVector,
    requests: number,
    plan: SpreadPlan,
  ): { attempt: Attempt; known?: TemplateResults; preFilterMessage: string } {
    const N = this.cluster.N;
    if (shape.conflict) {
      const code = this.statuses.code(nodeAffinity.NAME, [nodeAffinity.CONFLICT_REASON], true);
      return {
        attempt: { codes: new Uint16Array(N).fill(code), feasible: new Int32Array(0) },
        preFilterMessage: nodeAffinity.CONFLICT_REASON,
      };
    }
    const beyond = this.filters.beyondNode(info, plan.hard);
    if (!this.reuse) {
      const codes = new Uint16Array(N);
      return {
        attempt: { codes, feasible: this.filters.run(info, shape, request, codes, beyond) },
        preFilterMessage: '',
      };
    }
    // The node-local filters from pods alike; the others, if any, on the nodes those passed.
    const known = this.templates.refresh(templateKey(shape, requests, info), info, shape, request);
    if (!beyond) return { attempt: { codes: known.codes, feasible: known.passed }, known, preFilterMessage: '' };
    const codes = known.codes.slice();
    return {
      attempt: { codes, feasible: this.filters.runBeyondNode(beyond, codes, known.passed) },
      known,
      preFilterMessage: '',
    };
  }

  /** FailedScheduling, then PostFilter: preemption evicts victims and binds the pod, or adds its reasons. */
  private fail(
    info: PodInfo,
    shape: Shape,
    request: RequestVector,
    plan: SpreadPlan,
    attempt: Attempt,
    preFilterMessage: string,
  ): SchedulingOutcome {
    const { cluster, statuses } = this;
    const failure = formatFitError(cluster.N, statuses.countReasons(attempt.codes), preFilterMessage);
    const one = this.oneNode;
    const result = preempt(cluster, info, attempt.codes, statuses, {
      filter: (n) => {
        this.filters.run(info, shape, request, one, this.filters.beyondNode(info, plan.hard), [n]);
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

  /** The pod's request vector, computed once for pods that share their requests, and an id of those. */
  private requestsOf(info: PodInfo): { id: number; vector: RequestVector } {
    return cached(this.requests, info.resources, () => ({
      id: this.requests.size,
      vector: requestVector(this.cluster, info),
    }));
  }

  private shapeOf(info: PodInfo): Shape {
    return cached(this.shapes, info.shapeKey, () => buildShape(this.cluster, info, this.statuses, this.shapes.size));
  }
}

export function runScheduler(input: SchedulingInput, options: SchedulerOptions = {}): SchedulingOutcome[] {
  const read = podReader();
  const bound = asArray(input?.boundPods)
    .filter((p) => !isTerminal(p))
    .map(read);
  const pending = asArray(input?.pendingPods).map(read);
  const run = new SchedulingRun(input, options.reuseTemplates ?? true, [...bound, ...pending]);
  for (const info of bound) run.occupy(info);
  // Priority first; Array.prototype.sort is stable, so creation order breaks ties.
  const order = [...pending].sort((a, b) => b.priority - a.priority);
  return order.map((info) => run.schedule(info));
}
