import type { KubeObject } from '../../model/manifest.js';
import { ensureObject } from '../defaults/fields.js';
import { podTemplateHash } from '../objects/names.js';
import { sameTemplate, sameTemplateAsOriginal } from '../objects/template-equality.js';
import { controllerRef, involved, metadataOf, type Entry, type SimulationState } from '../state.js';
import { activePods, availableCount } from './pods-of.js';
import { replicasOf } from './replicaset.js';
import { nextNewReplicaSetSize, nextOldReplicaSetSizes, rollingParameters, type ReplicaSetCounts } from './rollout.js';
import { revised, withSpec, workloadShape, type WorkloadShape } from './workload.js';
import { copyJson } from '../../model/copy-json.js';
import { isObject, objectAt } from '../../model/json.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

const SOURCE = 'deployment-controller';
const REVISION = 'deployment.kubernetes.io/revision';

/**
 * The Deployment controller (`pkg/controller/deployment`), one step per Deployment per round:
 * find or create the ReplicaSet of the current template, then scale the new ReplicaSet up or
 * the old ones down within maxSurge/maxUnavailable (RollingUpdate), or all old ones to zero
 * before the new one (Recreate). A paused Deployment is left alone.
 */
export function reconcileDeployments(state: SimulationState): void {
  for (const entry of state.list('Deployment', 'apps')) reconcileDeployment(state, entry);
}

function reconcileDeployment(state: SimulationState, entry: Entry): void {
  const deployment = entry.object;
  const shape = workloadShape(state, entry);
  if (!shape || shape.spec.paused === true) return;
  const owned = state.ownedBy(String(metadataOf(deployment).uid), 'ReplicaSet');
  const newRs = owned.find((rs) => sameTemplate(objectAt(rs.object, 'spec')?.template, shape.template));
  const old = owned.filter((rs) => rs !== newRs);
  const strategy = objectAt(shape.spec, 'strategy') ?? {};
  if (strategy.type === 'Recreate') {
    recreateStep(state, entry, shape, newRs, old);
    return;
  }
  const rollingUpdate = objectAt(strategy, 'rollingUpdate') ?? {};
  const params = rollingParameters(shape.replicas, rollingUpdate.maxSurge, rollingUpdate.maxUnavailable);
  const counts = (rs: Entry): ReplicaSetCounts => ({
    replicas: replicasOf(rs.object),
    available: availableCount(state, rs.object),
  });
  if (!newRs) {
    // The new ReplicaSet starts at the size of any scale-up within maxSurge (NewRSNewReplicas).
    const size = nextNewReplicaSetSize(shape.replicas, params, { replicas: 0, available: 0 }, old.map(counts));
    createReplicaSet(state, entry, shape.template, size, old);
    return;
  }
  const newCounts = counts(newRs);
  const nextNew = nextNewReplicaSetSize(shape.replicas, params, newCounts, [...old.map(counts), newCounts]);
  if (nextNew !== newCounts.replicas) {
    scale(state, deployment, newRs, nextNew);
    return;
  }
  const sizes = nextOldReplicaSetSizes(shape.replicas, params, newCounts, old.map(counts));
  old.forEach((rs, i) => {
    if (sizes[i] !== replicasOf(rs.object)) scale(state, deployment, rs, sizes[i]!);
  });
  if (sizes.every((s) => s === 0) && newCounts.available === shape.replicas) cleanUpHistory(state, shape.spec, old);
}

/**
 * Recreate (rolloutRecreate): every old ReplicaSet to 0, then, once none of their pods is left,
 * the new ReplicaSet, created at full size; old ReplicaSets beyond the history limit go once
 * the new one is complete.
 */
function recreateStep(
  state: SimulationState,
  entry: Entry,
  shape: WorkloadShape,
  newRs: Entry | undefined,
  old: Entry[],
): void {
  const running = old.filter((rs) => replicasOf(rs.object) > 0);
  if (running.length) {
    for (const rs of running) scale(state, entry.object, rs, 0);
    return;
  }
  if (old.some((rs) => activePods(state, rs.object).length > 0)) return;
  if (!newRs) createReplicaSet(state, entry, shape.template, shape.replicas, old);
  else if (replicasOf(newRs.object) !== shape.replicas) scale(state, entry.object, newRs, shape.replicas);
  else if (availableCount(state, newRs.object) === shape.replicas) cleanUpHistory(state, shape.spec, old);
}

function scaledEvent(state: SimulationState, deployment: KubeObject, rs: KubeObject, from: number, to: number): void {
  state.emit({
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${to > from ? 'up' : 'down'} replica set ${nameOf(rs)} from ${from} to ${to}`,
    involvedObject: involved(deployment),
    source: SOURCE,
  });
}

function scale(state: SimulationState, deployment: KubeObject, rs: Entry, to: number): void {
  const from = replicasOf(rs.object);
  const updated = withSpec(rs.object, { replicas: to });
  state.replace(updated);
  scaledEvent(state, deployment, updated, from, to);
}

/**
 * The ReplicaSet `<deployment>-<pod-template-hash>`: the Deployment's template and selector plus
 * the hash label, its revision one above the newest old ReplicaSet's.
 */
function createReplicaSet(
  state: SimulationState,
  entry: Entry,
  template: Record<string, unknown>,
  replicas: number,
  old: Entry[],
): Entry {
  const deployment = entry.object;
  const hash = podTemplateHash(template);
  const revision =
    1 +
    Math.max(
      0,
      ...old.map((rs) => Number(objectAt(objectAt(rs.object, 'metadata') ?? {}, 'annotations')?.[REVISION] ?? 0) || 0),
    );
  const rsTemplate = copyJson(template);
  const templateMeta = ensureObject(rsTemplate, 'metadata')!;
  templateMeta.labels = { ...(isObject(templateMeta.labels) ? templateMeta.labels : {}), 'pod-template-hash': hash };
  sameTemplateAsOriginal(rsTemplate, template);
  const selector = copyJson(objectAt(objectAt(deployment, 'spec') ?? {}, 'selector') ?? {});
  selector.matchLabels = { ...(isObject(selector.matchLabels) ? selector.matchLabels : {}), 'pod-template-hash': hash };
  const spec = objectAt(deployment, 'spec')!;
  const maxSurge = rollingParameters(
    Number(spec.replicas),
    objectAt(objectAt(spec, 'strategy') ?? {}, 'rollingUpdate')?.maxSurge,
    undefined,
  ).maxSurge;
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${nameOf(deployment)}-${hash}`,
      namespace: namespaceOf(deployment),
      labels: templateMeta.labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(spec.replicas),
        'deployment.kubernetes.io/max-replicas': String(Number(spec.replicas) + maxSurge),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(deployment)],
    },
    spec: { replicas, minReadySeconds: spec.minReadySeconds ?? 0, selector, template: rsTemplate },
  };
  const metadata = metadataOf(deployment);
  state.replace(
    revised(deployment, {
      metadata: {
        ...metadata,
        annotations: { ...(isObject(metadata.annotations) ? metadata.annotations : {}), [REVISION]: String(revision) },
      },
    }),
  );
  const created = state.create(rs, entry.origin);
  if (replicas > 0) scaledEvent(state, deployment, rs, 0, replicas);
  return created;
}

/** Once a rollout is complete, old ReplicaSets beyond `revisionHistoryLimit` are deleted, oldest first. */
function cleanUpHistory(state: SimulationState, spec: Record<string, unknown>, old: Entry[]): void {
  const limit = typeof spec.revisionHistoryLimit === 'number' ? spec.revisionHistoryLimit : 10;
  const removable = old.filter((rs) => replicasOf(rs.object) === 0);
  for (const rs of removable.slice(0, Math.max(0, removable.length - limit))) state.remove(rs.object);
}
