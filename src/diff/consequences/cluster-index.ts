import type { ClusterState } from '../../model/cluster-state.js';
import type { KubeObject } from '../../model/manifest.js';
import { identityKey, objectKey, type ObjectRef } from '../../model/object-ref.js';
import { nodeNameOf } from '../../simulate/objects/pod-status.js';
import { isTerminal, isTerminating } from '../../model/pod-phase.js';
import { cached, pushTo } from '../../model/maps.js';
import { asString } from '../../model/json.js';
import { uidOf } from '../../simulate/state.js';
import { controllerRefOf, controllerUidOf, isReferencedBy } from '../../model/owner-chain.js';

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
  /** Live pods under each workload asked about (`pods`). */
  private readonly podsUnder = new Map<KubeObject, KubeObject[]>();
  /** Each pod's place in the state's order; built on first use. */
  private podPositions: Map<KubeObject, number> | undefined;
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
    return (this.byOwner().get(uidOf(owner)) ?? []).filter((o) => o.kind === kind);
  }

  /** Objects by the uid in their controller reference, in the state's order. */
  private byOwner(): Map<string, KubeObject[]> {
    if (!this.byOwnerIndex) {
      this.byOwnerIndex = new Map();
      for (const object of this.objects) {
        const controller = controllerUidOf(object);
        if (controller) pushTo(this.byOwnerIndex, controller, object);
      }
    }
    return this.byOwnerIndex;
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
    return cached(this.podsUnder, workload, () => this.livePodsUnder(workload));
  }

  /**
   * The pods below a workload, found downwards from it rather than by walking up from every pod
   * of the cluster (only a few hundred workloads are asked about). Exact: a step down from an
   * owner to an object is taken when the walk up from that object (controllerChain) takes it the
   * other way: the object's controller reference finds the owner by uid and names it. The walk up
   * from a pod is one path that ends where it would come back on itself, so the workload is on it
   * exactly when the pod is reached going down, each object at most once.
   */
  private livePodsUnder(workload: KubeObject): KubeObject[] {
    const byUid = this.byUid();
    const byOwner = this.byOwner();
    const seen = new Set<KubeObject>([workload]);
    const queue = [workload];
    const pods: KubeObject[] = [];
    for (let i = 0; i < queue.length; i++) {
      const owner = queue[i]!;
      const uid = uidOf(owner);
      if (uid === '' || byUid.get(uid) !== owner) continue;
      for (const object of byOwner.get(uid) ?? []) {
        if (seen.has(object) || !isReferencedBy(controllerRefOf(object)!, owner)) continue;
        seen.add(object);
        queue.push(object);
        if (object.kind === 'Pod' && !isTerminal(object) && !isTerminating(object)) pods.push(object);
      }
    }
    return this.inStateOrder(pods);
  }

  /** Pods in the order of the state (the order the walk up from every pod gave them). */
  private inStateOrder(pods: KubeObject[]): KubeObject[] {
    if (pods.length < 2) return pods;
    if (!this.podPositions) {
      this.podPositions = new Map();
      for (const [i, pod] of (this.byKind.get('Pod') ?? []).entries()) this.podPositions.set(pod, i);
    }
    const positions = this.podPositions;
    return pods.sort((a, b) => positions.get(a)! - positions.get(b)!);
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
