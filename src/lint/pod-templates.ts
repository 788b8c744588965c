import type { Manifest } from '../model/manifest.js';
import { groupKindOf, type GroupKind } from './kinds.js';
import { type JsonObject, asObject, asString, asStringMap, dig, indexedObjectsIn } from '../model/json.js';

/**
 * Where each pod-bearing kind keeps its pod template. Argo Rollouts' `Rollout` is listed so a
 * Service that targets its pods is understood; its `workloadRef` form (pods from a Deployment)
 * has no template of its own and is not followed.
 */
const TEMPLATE_POINTERS: Readonly<Record<GroupKind, string>> = {
  Pod: '',
  PodTemplate: '/template',
  ReplicationController: '/spec/template',
  'Deployment.apps': '/spec/template',
  'ReplicaSet.apps': '/spec/template',
  'StatefulSet.apps': '/spec/template',
  'DaemonSet.apps': '/spec/template',
  'Deployment.extensions': '/spec/template',
  'ReplicaSet.extensions': '/spec/template',
  'DaemonSet.extensions': '/spec/template',
  'Job.batch': '/spec/template',
  'CronJob.batch': '/spec/jobTemplate/spec/template',
  'Rollout.argoproj.io': '/spec/template',
};

/** Kinds whose pods run until replaced (restartPolicy Always), as opposed to Jobs and bare Pods. */
export const SERVING_WORKLOADS: ReadonlySet<GroupKind> = new Set([
  'ReplicationController',
  'Deployment.apps',
  'ReplicaSet.apps',
  'StatefulSet.apps',
  'DaemonSet.apps',
  'Deployment.extensions',
  'ReplicaSet.extensions',
  'DaemonSet.extensions',
  'Rollout.argoproj.io',
]);

/** Workloads that keep `spec.replicas` copies of their pod. */
export const REPLICATED_WORKLOADS: ReadonlySet<GroupKind> = new Set([
  'ReplicationController',
  'Deployment.apps',
  'ReplicaSet.apps',
  'StatefulSet.apps',
  'Deployment.extensions',
  'ReplicaSet.extensions',
  'Rollout.argoproj.io',
]);

export interface PodTemplate {
  /** Pointer to the template (the object with `metadata` and `spec`); `""` for a Pod. */
  pointer: string;
  /** Pointer to the pod spec: `/spec/template/spec`, `/spec` for a Pod. */
  specPointer: string;
  spec: JsonObject;
  labels: Record<string, string>;
}

export function isPodBearing(groupKind: GroupKind): boolean {
  return groupKind in TEMPLATE_POINTERS;
}

/** The pod template of a pod-bearing object, or undefined (other kinds, or no `spec` object). */
export function podTemplateOf(m: Pick<Manifest, 'ref' | 'object'>): PodTemplate | undefined {
  const pointer = TEMPLATE_POINTERS[groupKindOf(m)];
  if (pointer === undefined) return undefined;
  const template = pointer === '' ? m.object : asObject(dig(m.object, ...pointer.slice(1).split('/')));
  const spec = asObject(template?.spec);
  if (!template || !spec) return undefined;
  return { pointer, specPointer: `${pointer}/spec`, spec, labels: asStringMap(dig(template, 'metadata', 'labels')) };
}

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerEntry {
  container: JsonObject;
  /** `""` when the container has no name (the schema reports that). */
  name: string;
  pointer: string;
  type: ContainerType;
  /** An init container with `restartPolicy: Always`: a sidecar that runs beside the app. */
  sidecar: boolean;
}

/**
 * The containers of a pod template with their pointers, in the order given. Rules ask for the
 * types they care about: probes and resources concern `containers` (and sidecars), security
 * concerns every type.
 */
export function containersOf(
  template: PodTemplate,
  types: readonly ContainerType[] = ['initContainers', 'containers'],
): ContainerEntry[] {
  const out: ContainerEntry[] = [];
  for (const type of types) {
    for (const { item, index } of indexedObjectsIn(template.spec[type])) {
      out.push({
        container: item,
        name: asString(item.name) ?? '',
        pointer: `${template.specPointer}/${type}/${index}`,
        type,
        sidecar: type === 'initContainers' && item.restartPolicy === 'Always',
      });
    }
  }
  return out;
}

/** Containers that run for the life of the pod: app containers and sidecars. */
export function longRunningContainers(template: PodTemplate): ContainerEntry[] {
  return containersOf(template, ['initContainers', 'containers']).filter((c) => c.type === 'containers' || c.sidecar);
}

/** `container "web"` or `init container "setup"`, as messages name them. */
export function describeContainer(c: ContainerEntry): string {
  const what =
    c.type === 'initContainers'
      ? c.sidecar
        ? 'sidecar container'
        : 'init container'
      : c.type === 'ephemeralContainers'
        ? 'ephemeral container'
        : 'container';
  return c.name ? `${what} "${c.name}"` : what;
}
