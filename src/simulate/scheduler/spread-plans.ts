/**
 * Which topology spreading applies to a pod, bound to the cluster's counters (see
 * plugins/pod-topology-spread.ts): its own constraints (DoNotSchedule ones filter, ScheduleAnyway
 * ones score), or else kube-scheduler's system defaults with the pod's DefaultSelector (scoring
 * only). Pods alike share one plan: the same namespace, shape (it decides which nodes count) and
 * constraints, or for the defaults the same namespace, labels and owner, which decide the selector.
 */
import { cached } from '../../model/maps.js';
import type { Cluster } from './cluster.js';
import { DefaultSpreadSelectors, type SpreadingOwners } from './default-spread.js';
import type { PodInfo, SpreadConstraint } from './pod-info.js';
import * as spread from './plugins/pod-topology-spread.js';
import type { Shape } from './shapes.js';
import { isEmptySelector, type Labels } from '../../model/selectors/label-selector.js';

export interface SpreadPlan {
  hard: spread.BoundConstraint[];
  soft: spread.SoftBinding | undefined;
}

const NO_SPREADING: SpreadPlan = { hard: [], soft: undefined };

/** The system-default constraints of pods alike, with their plans per shape. */
interface DefaultSpreading {
  constraints: SpreadConstraint[];
  plans: Map<number, SpreadPlan>;
}

/**
 * What decides a pod's default spreading, as a key: its namespace, labels and owner. Kept per
 * labels object of a PodInfo, with the namespace and owner object it was made with: the PodInfo
 * of a later version of a pod with the same metadata shares all three (pod-info.ts), so a pod
 * that stays pending is scheduled again in later runs without serializing its labels each time.
 */
const defaultsKeys = new WeakMap<Labels, { namespace: string; owner: PodInfo['owner']; key: string }>();

function defaultsKey(info: PodInfo): string {
  const known = defaultsKeys.get(info.labels);
  if (known && known.namespace === info.namespace && known.owner === info.owner) return known.key;
  const key = JSON.stringify([info.namespace, info.labels, info.owner ?? null]);
  defaultsKeys.set(info.labels, { namespace: info.namespace, owner: info.owner, key });
  return key;
}

export class SpreadPlans {
  /** Absent when no object that can give a pod default spreading was passed in. */
  private readonly selectors: DefaultSpreadSelectors | undefined;
  /** By namespace, labels and owner; undefined for pods that get no default spreading. */
  private readonly defaults = new Map<string, DefaultSpreading | undefined>();
  /** Plans of pods with their own constraints, by namespace, shape and constraints. */
  private readonly own = new Map<string, SpreadPlan>();

  /** `share` false: every pod gets a plan of its own (the straightforward computation). */
  constructor(
    private readonly cluster: Cluster,
    owners: SpreadingOwners,
    private readonly share: boolean,
  ) {
    const lists = [owners.services, owners.replicaSets, owners.statefulSets, owners.replicationControllers];
    if (lists.some((l) => Array.isArray(l) && l.length > 0)) this.selectors = new DefaultSpreadSelectors(owners);
  }

  planFor(info: PodInfo, shape: Shape): SpreadPlan {
    if (info.spread.length > 0) {
      const bindOwn = (): SpreadPlan => {
        const soft = info.spread.filter((c) => !c.hard);
        return {
          hard: spread.bindHard(
            this.cluster,
            info.namespace,
            info.spread.filter((c) => c.hard),
            shape,
          ),
          soft: soft.length > 0 ? spread.bindSoft(this.cluster, info.namespace, soft, true, shape) : undefined,
        };
      };
      if (!this.share) return bindOwn();
      return cached(this.own, `${info.namespace}\u0000${shape.id}\u0000${JSON.stringify(info.spread)}`, bindOwn);
    }
    if (!this.selectors) return NO_SPREADING;
    const defaults = this.share
      ? cached(this.defaults, defaultsKey(info), () => this.defaultSpreading(info))
      : this.defaultSpreading(info);
    if (!defaults) return NO_SPREADING;
    return cached(defaults.plans, shape.id, () => ({
      hard: [],
      soft: spread.bindSoft(this.cluster, info.namespace, defaults.constraints, false, shape),
    }));
  }

  /** The system defaults with kube-scheduler's DefaultSelector for the pod; undefined when it selects nothing. */
  private defaultSpreading(info: PodInfo): DefaultSpreading | undefined {
    const selector = this.selectors!.selectorFor(info);
    if (selector === null || isEmptySelector(selector)) return undefined;
    return { constraints: spread.systemDefaultConstraints(selector), plans: new Map() };
  }
}
