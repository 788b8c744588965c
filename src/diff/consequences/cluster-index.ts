import type { ClusterState } from '../../model/cluster-state.js';
import type { KubeObject } from '../../model/manifest.js';
import { identityKey, type ObjectRef } from '../../model/object-ref.js';
import { nodeNameOf, isTerminal, isTerminating } from '../../simulate/objects/pod-status.js';
import { pushTo } from '../../model/maps.js';
import { controllerUidOf, refOf, uidOf } from '../../simulate/state.js';

/** A simulated cluster's objects by identity and by controlling owner. */
export class ClusterIndex {
  private readonly byKey = new Map<string, KubeObject>();
  private readonly byOwner = new Map<string, KubeObject[]>();
  readonly objects: readonly KubeObject[];

  constructor(state: ClusterState) {
    this.objects = state.objects;
    for (const object of state.objects) {
      this.byKey.set(identityKey(refOf(object)), object);
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

  /** The live pods of a workload: a Deployment's through its ReplicaSets, others' directly. */
  pods(workload: KubeObject): KubeObject[] {
    const owners = workload.kind === 'Deployment' ? this.owned(workload, 'ReplicaSet') : [workload];
    return owners.flatMap((o) => this.owned(o, 'Pod')).filter((p) => !isTerminal(p) && !isTerminating(p));
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
