import type { KubeObject } from '../../model/manifest.js';
import { isPodReady, nodeNameOf } from '../objects/pod-status.js';
import { involved, type Entry, type SimulationState } from '../state.js';
import { createPod } from './create-pod.js';
import { activePods } from './pods-of.js';
import { workloadShape } from './workload.js';
import { objectAt } from '../../model/json.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

const SOURCE = 'replicaset-controller';

/**
 * The ReplicaSet controller (`pkg/controller/replicaset`): creates pods from the template until
 * `spec.replicas` are live, or deletes the surplus. Pods are created in one go (the real
 * controller's slow-start batches only change timing).
 */
export function reconcileReplicaSets(state: SimulationState): void {
  for (const entry of state.list('ReplicaSet', 'apps')) reconcileReplicaSet(state, entry);
}

function reconcileReplicaSet(state: SimulationState, entry: Entry): void {
  const rs = entry.object;
  const shape = workloadShape(state, entry);
  if (!shape) return;
  const pods = activePods(state, rs);
  const missing = shape.replicas - pods.length;
  const namespace = namespaceOf(rs);
  const generateName = `${nameOf(rs)}-`;
  for (let i = 0; i < missing; i++) {
    const name = state.generatePodName(namespace, generateName);
    const created = createPod(state, {
      owner: entry,
      template: shape.template,
      name,
      generateName,
      source: SOURCE,
      createdMessage: (pod) => `Created pod: ${pod}`,
    });
    if (!created) return;
  }
  if (missing < 0) {
    for (const pod of podsToDelete(pods, -missing)) {
      state.remove(pod.object);
      state.emit({
        type: 'Normal',
        reason: 'SuccessfulDelete',
        message: `Deleted pod: ${nameOf(pod.object)}`,
        involvedObject: involved(rs),
        source: SOURCE,
      });
    }
  }
}

/**
 * Which pods a controller removes first when scaling down (after `getPodsToDelete`'s ranking,
 * simplified): unscheduled before scheduled, not ready before ready, then the newest first.
 */
export function podsToDelete(pods: readonly Entry[], count: number): Entry[] {
  const rank = (pod: KubeObject): number => (nodeNameOf(pod) === undefined ? 0 : isPodReady(pod) ? 2 : 1);
  return [...pods].sort((a, b) => rank(a.object) - rank(b.object) || b.seq - a.seq).slice(0, count);
}

export function replicasOf(object: KubeObject): number {
  const replicas = objectAt(object, 'spec')?.replicas;
  return typeof replicas === 'number' ? replicas : 0;
}
