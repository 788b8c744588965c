import type { KubeObject } from '../../model/manifest.js';
import { applyDefaults } from '../defaults/index.js';
import { podTemplateHash } from '../objects/names.js';
import { isPodReady } from '../objects/pod-status.js';
import { controllerRef, involved, type Entry, type SimulationState } from '../state.js';
import { createPod } from './create-pod.js';
import { activePods } from './pods-of.js';
import { workloadShape } from './workload.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

const SOURCE = 'statefulset-controller';

/**
 * The StatefulSet controller (`pkg/controller/statefulset`): pods `<name>-<ordinal>` with stable
 * hostnames, and before each pod its claims `<template>-<name>-<ordinal>` from
 * `volumeClaimTemplates`. With `OrderedReady` (the default) a pod is created only once every
 * lower ordinal is Running and Ready, so one pod that cannot be scheduled holds back the rest,
 * as on a real cluster; `Parallel` creates them all at once. Surplus pods go from the highest
 * ordinal down; pods of an older template are replaced from the highest ordinal down to the
 * RollingUpdate partition (OnDelete leaves them).
 */
export function reconcileStatefulSets(state: SimulationState): void {
  for (const entry of state.list('StatefulSet', 'apps')) reconcileStatefulSet(state, entry);
}

function reconcileStatefulSet(state: SimulationState, entry: Entry): void {
  const set = entry.object;
  const shape = workloadShape(state, entry);
  if (!shape) return;
  const name = nameOf(set);
  const start = objectAt(shape.spec, 'ordinals')?.start;
  const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
  const ordered = shape.spec.podManagementPolicy !== 'Parallel';
  const revision = statefulSetRevision(set, shape.template);
  const pods = new Map(activePods(state, set).map((e) => [ordinalOf(nameOf(e.object), name), e]));

  for (let ordinal = first; ordinal < first + shape.replicas; ordinal++) {
    const existing = pods.get(ordinal);
    if (existing) {
      if (ordered && !isPodReady(existing.object)) return;
      continue;
    }
    const podName = `${name}-${ordinal}`;
    const claims = createClaims(state, entry, podName, ordinal);
    const created = createPod(state, {
      owner: entry,
      template: shape.template,
      name: podName,
      labels: {
        'apps.kubernetes.io/pod-index': String(ordinal),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': podName,
      },
      adjustSpec: (spec) => {
        spec.hostname = podName;
        if (typeof shape.spec.serviceName === 'string' && shape.spec.serviceName !== '')
          spec.subdomain = shape.spec.serviceName;
        const volumes = objectsAt(spec, 'volumes').filter((v) => !claims.has(String(v.name)));
        spec.volumes = [
          ...volumes,
          ...[...claims].map(([volume, claimName]) => ({ name: volume, persistentVolumeClaim: { claimName } })),
        ];
      },
      source: SOURCE,
      createdMessage: (pod) => `create Pod ${pod} in StatefulSet ${name} successful`,
    });
    if (!created || ordered) return;
  }

  const surplus = [...pods]
    .filter(([ordinal]) => ordinal < first || ordinal >= first + shape.replicas)
    .sort(([a], [b]) => b - a);
  const outdated = [...pods]
    .filter(
      ([ordinal, pod]) =>
        ordinal >= partitionOf(shape.spec) && labelOf(pod.object, 'controller-revision-hash') !== revision,
    )
    .sort(([a], [b]) => b - a);
  const strategy = objectAt(shape.spec, 'updateStrategy')?.type;
  const toDelete = surplus.length ? surplus : strategy === 'OnDelete' ? [] : outdated;
  for (const [, pod] of ordered || !surplus.length ? toDelete.slice(0, 1) : toDelete) {
    state.remove(pod.object);
    state.emit({
      type: 'Normal',
      reason: 'SuccessfulDelete',
      message: `delete Pod ${nameOf(pod.object)} in StatefulSet ${name} successful`,
      involvedObject: involved(set),
      source: SOURCE,
    });
  }
}

/**
 * The revision label (`controller-revision-hash`) of the set's current template: the one the
 * cluster recorded (`status.updateRevision`) when the template is the one it has, else
 * `<name>-<pod-template-hash>`. Pods of `--current` carry the cluster's own revision names, which
 * kubeplan cannot compute, so only this tells an unchanged template from a new one.
 */
export function statefulSetRevision(set: KubeObject, template: unknown): string {
  const recorded = objectAt(set, 'status')?.updateRevision;
  return typeof recorded === 'string' && recorded !== '' ? recorded : `${nameOf(set)}-${podTemplateHash(template)}`;
}

function ordinalOf(podName: string, setName: string): number {
  const suffix = podName.slice(setName.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

function partitionOf(spec: Record<string, unknown>): number {
  const partition = objectAt(objectAt(spec, 'updateStrategy') ?? {}, 'rollingUpdate')?.partition;
  return typeof partition === 'number' ? partition : 0;
}

function labelOf(object: KubeObject, key: string): string | undefined {
  const labels = objectAt(objectAt(object, 'metadata') ?? {}, 'labels');
  return labels && typeof labels[key] === 'string' ? labels[key] : undefined;
}

/**
 * The pod's claims, created when missing: named `<template>-<set>-<ordinal>`, labelled with the
 * set's `matchLabels`, owned by the set or the pod only under a `Delete` retention policy.
 * Returns volume name → claim name.
 */
function createClaims(state: SimulationState, entry: Entry, podName: string, ordinal: number): Map<string, string> {
  const set = entry.object;
  const spec = objectAt(set, 'spec') ?? {};
  const namespace = namespaceOf(set);
  const matchLabels = objectAt(objectAt(spec, 'selector') ?? {}, 'matchLabels') ?? {};
  const retention = objectAt(spec, 'persistentVolumeClaimRetentionPolicy') ?? {};
  const claims = new Map<string, string>();
  for (const template of objectsAt(spec, 'volumeClaimTemplates')) {
    const templateMeta = objectAt(template, 'metadata') ?? {};
    if (typeof templateMeta.name !== 'string') continue;
    const claimName = `${templateMeta.name}-${nameOf(set)}-${ordinal}`;
    claims.set(templateMeta.name, claimName);
    if (state.has({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name: claimName })) continue;
    const claim: KubeObject = applyDefaults({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName,
        namespace,
        labels: { ...(isObject(templateMeta.labels) ? templateMeta.labels : {}), ...matchLabels },
        ...(isObject(templateMeta.annotations) ? { annotations: templateMeta.annotations } : {}),
        ...(retention.whenDeleted === 'Delete' ? { ownerReferences: [controllerRef(set)] } : {}),
      },
      // applyDefaults copies the whole claim: the template is not shared.
      spec: objectAt(template, 'spec') ?? {},
    });
    state.create(claim, entry.origin);
    state.emit({
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `create Claim ${claimName} Pod ${podName} in StatefulSet ${nameOf(set)} success`,
      involvedObject: involved(set),
      source: SOURCE,
    });
  }
  return claims;
}
