import type { ClusterState } from '../../model/cluster-state.js';
import type { KubeObject } from '../../model/manifest.js';
import { identityKey, objectKey, type ObjectRef } from '../../model/object-ref.js';
import { nodeNameOf } from '../../simulate/objects/pod-status.js';
import { isTerminal, isTerminating } from '../../model/pod-phase.js';
import { cached, pushTo } from '../../model/maps.js';
import { asString } from '../../model/json.js';
import { uidOf } from '../../simulate/state.js';
import { controllerChain, controllerUidOf } from '../../model/owner-chain.js';

/**
 * A simulated cluster's objects by identity and by controlling owner. Each index is built on
 * first use, and objects are keyed by identity one kind at a time: the consequences look up
 * workloads by identity, never the hundreds of thousands of pods of a large cluster.
 */
export class ClusterIndex {
  /** Objects by `kind`, in the state's order. */
  private readonly byKind = new Map<string, KubeObject[]>();
  /** Per kind, its objects by identity key (a later object of the same identity wins). */
  private readonly byKey = new Map<string, Map<string, KubeObject>>();
  private byUidIndex: Map<string, KubeObject> | undefined;
  private byOwnerIndex: Map<string, KubeObject[]> | undefined;
  /** Live pods under each object of their controller chain; built on first use. */
  private podsUnder: Map<KubeObject, KubeObject[]> | undefined;
  readonly objects: readonly KubeObject[];

  constructor(state: ClusterState) {
    this.objects = state.objects;
    for (const object of state.objects) pushTo(this.byKind, asString(object.kind) ?? '', object);
  }

  get(ref: ObjectRef): KubeObject | undefined {
    const keyed = cached(this.byKey, ref.kind, () => {
      const map = new Map<string, KubeObject>();
      for (const object of this.byKind.get(ref.kind) ?? []) map.set(objectKey(object), object);
      return map;
    });
    return keyed.get(identityKey(ref));
  }

  /** Objects of `kind` controlled by `owner`, in the state's order. */
  owned(owner: KubeObject, kind: string): KubeObject[] {
    if (!this.byOwnerIndex) {
      this.byOwnerIndex = new Map();
      for (const object of this.objects) {
        const controller = controllerUidOf(object);
        if (controller) pushTo(this.byOwnerIndex, controller, object);
      }
    }
    return (this.byOwnerIndex.get(uidOf(owner)) ?? []).filter((o) => o.kind === kind);
  }

  private byUid(): Map<string, KubeObject> {
    if (!this.byUidIndex) {
      this.byUidIndex = new Map();
      for (const object of this.objects) {
        const uid = uidOf(object);
        if (uid) this.byUidIndex.set(uid, object);
      }
    }
    return this.byUidIndex;
  }

  /**
   * The live pods of a workload, in the state's order: those whose controller chain passes through
   * it (a Deployment's through its ReplicaSets, a CronJob's through its Jobs). Pods that have
   * finished or are being deleted are not counted.
   */
  pods(workload: KubeObject): KubeObject[] {
    if (!this.podsUnder) {
      this.podsUnder = new Map();
      const byUid = this.byUid();
      for (const pod of this.byKind.get('Pod') ?? []) {
        if (isTerminal(pod) || isTerminating(pod)) continue;
        for (const owner of controllerChain(pod, (ref) => byUid.get(ref.uid))) pushTo(this.podsUnder, owner, pod);
      }
    }
    return this.podsUnder.get(workload) ?? [];
  }
}

/** Both simulated clusters of a transition, indexed once for every kind of consequence. */
export interface TransitionIndex {
  before: ClusterIndex;
  after: ClusterIndex;
}

export function isScheduled(pod: KubeObject): boolean {
  return nodeNameOf(pod) !== undefined;
}
