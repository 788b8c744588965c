import type { KubeObject } from '../model/manifest.js';
import { isPodReady } from './objects/pod-status.js';
import { activePods } from './controllers/pods-of.js';
import { daemonSetStatus } from './controllers/daemonset.js';
import { statefulSetRevision } from './controllers/statefulset.js';
import { revised } from './controllers/workload.js';
import { deploymentConditions } from './deployment-conditions.js';
import { uidOf, type SimulationState } from './state.js';
import { objectAt } from '../model/json.js';
import { labelsOf } from '../model/selectors/label-selector.js';

/**
 * The status fields controllers write once the simulation settles: how many pods exist, are
 * ready and available. Written after the controller loop, so they never count as changes.
 */
export function writeWorkloadStatuses(state: SimulationState, nodes: readonly KubeObject[]): void {
  for (const { object } of state.list('ReplicaSet', 'apps')) setStatus(state, object, rsStatus(state, object));
  for (const { object } of state.list('StatefulSet', 'apps')) {
    const revision = statefulSetRevision(object, objectAt(objectAt(object, 'spec') ?? {}, 'template'));
    const pods = activePods(state, object).map((e) => e.object);
    const updated = pods.filter((p) => labelsOf(p)['controller-revision-hash'] === revision).length;
    const previous = objectAt(object, 'status')?.currentRevision;
    const current = updated === pods.length || typeof previous !== 'string' ? revision : previous;
    setStatus(state, object, {
      ...rsStatus(state, object),
      currentReplicas: current === revision ? updated : pods.length - updated,
      updatedReplicas: updated,
      currentRevision: current,
      updateRevision: revision,
    });
  }
  for (const { object } of state.list('Deployment', 'apps')) {
    const sets = state.ownedBy(uidOf(object), 'ReplicaSet').map((e) => e.object);
    const sum = (key: string): number => sets.reduce((n, rs) => n + Number(objectAt(rs, 'status')?.[key] ?? 0), 0);
    const desired = Number(objectAt(object, 'spec')?.replicas ?? 0);
    const available = sum('availableReplicas');
    const newest = sets.at(-1);
    const counts = {
      desired,
      replicas: sum('replicas'),
      updated: Number(objectAt(newest ?? {}, 'status')?.replicas ?? 0),
      available,
      newReplicaSet: newest ? String(objectAt(newest, 'metadata')?.name) : undefined,
    };
    setStatus(state, object, {
      observedGeneration: objectAt(object, 'metadata')?.generation ?? 1,
      replicas: counts.replicas,
      updatedReplicas: counts.updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, desired - available),
      conditions: deploymentConditions(object, counts),
    });
  }
  for (const { object } of state.list('DaemonSet', 'apps'))
    setStatus(state, object, daemonSetStatus(state, object, nodes));
  for (const { object } of state.list('Job', 'batch')) {
    const pods = activePods(state, object).map((e) => e.object);
    setStatus(state, object, { active: pods.length, ready: pods.filter(isPodReady).length, startTime: state.now });
  }
}

function rsStatus(state: SimulationState, object: KubeObject): Record<string, unknown> {
  const pods = activePods(state, object).map((e) => e.object);
  const ready = pods.filter(isPodReady).length;
  return {
    observedGeneration: objectAt(object, 'metadata')?.generation ?? 1,
    replicas: pods.length,
    readyReplicas: ready,
    availableReplicas: ready,
  };
}

function setStatus(state: SimulationState, object: KubeObject, status: Record<string, unknown>): void {
  state.replace(revised(object, { status }));
}
