import type { ClusterState } from '../../model/cluster-state.js';
import type { KubeObject } from '../../model/manifest.js';
import { identityKey, objectKey, type ObjectRef } from '../../model/object-ref.js';
import { nodeNameOf } from '../../simulate/objects/pod-status.js';
import { isTerminal, isTerminating } from '../../model/pod-phase.js';
import { pushTo } from '../../model/maps.js';
import { uidOf } from '../../simulate/state.js';
import { controllerChain, controllerUidOf } from '../../model/owner-chain.js';

/** A simulated cluster's objects by identity and by controlling owner. */
export class ClusterIndex {
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byUid = new Map<string, KubeObject>();
  private readonly byOwner = new Map<string, KubeObject[]>();
  /** Live pods under each object of their controller chain; built on first use. */
  private podsUnder: Map<KubeObject, KubeObject[]> | undefined;
  readonly objects: readonly KubeObject[];

  constructor(state: ClusterState) {
    this.objects = state.objects;
    for (const object of state.objects) {
      this.byKey.set(objectKey(object), object);
      const uid = uidOf(object);
      if (uid) this.byUid.set(uid, object);
      const owner = controllerUidOf(object);
      if (owner) pushTo(this.byOwner, owner, object);
    }
  }

  get(ref: ObjectRef): KubeObject | undefined {
    return this.byKey.get(identityKey(ref));
  }

  /** Objects of `kind` controlled by `owner`, in the state's order. */
  owned(owner: KubeObject, kind: string): KubeObject[] {
    return (this.byOwner.get(uidOf(owner)) ?? []).filter((o) => o.kind === kind);
  }

  /**
   * The live pods of a workload, in the state's order: those whose controller chain passes through
   * it (a Deployment's through its ReplicaSets, a CronJob's through its Jobs). Pods that have
   * finished or are being deleted are not counted.
   */
  pods(workload: KubeObject): KubeObject[] {
    if (!this.podsUnder) {
      this.podsUnder = new Map();
      for (const pod of this.objects) {
        if (pod.kind !== 'Pod' || isTerminal(pod) || isTerminating(pod)) continue;
        for (const owner of controllerChain(pod, (ref) => this.byUid.get(ref.uid))) pushTo(this.podsUnder, owner, pod);
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
