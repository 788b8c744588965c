import { type GroupKind, groupKindOfObject } from './group-kind.js';
import { type JsonObject, asObject, asStringMap, dig } from './json.js';
import { parsePointer } from './json-pointer.js';

/**
 * Where each pod-bearing kind keeps its pod template (a PodTemplateSpec: `metadata` + `spec`),
 * as a JSON pointer from the object's root; `""` for a Pod, which is its own template. Lint,
 * plan and diff all read templates through this table, so a kind is pod-bearing everywhere or
 * nowhere. A kind not listed has no pod template, even when it has a `spec.template` (a Knative
 * Service, a Tekton Pipeline: custom resources whose templates mean something else).
 *
 * - `extensions/v1beta1` workloads: no API server has served them since Kubernetes 1.16, but old
 *   manifests still use them. Lint checks their pods (and reports the API), the plan names a
 *   refused one, and the diff aligns their containers like those of `apps/v1`.
 * - Argo Rollouts' `Rollout` keeps a PodTemplateSpec at `spec.template`, where a Deployment does,
 *   and selects its pods the same way, so Services and PodDisruptionBudgets that target its pods
 *   are understood, its template is diffed like a Deployment's, and a refused one is named. The
 *   plan runs no Argo controller: an accepted Rollout creates no pods there. Its `workloadRef`
 *   form (pods described by a Deployment) has no template of its own and is not followed.
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

const TEMPLATE_PATHS: ReadonlyMap<GroupKind, readonly string[]> = new Map(
  Object.entries(TEMPLATE_POINTERS).map(([kind, pointer]) => [kind, parsePointer(pointer)]),
);

/** Every pod-bearing kind, in the order of the table. */
export const POD_BEARING_KINDS: readonly GroupKind[] = Object.keys(TEMPLATE_POINTERS);

export function isPodBearing(groupKind: GroupKind): boolean {
  return Object.hasOwn(TEMPLATE_POINTERS, groupKind);
}

/** The pointer to the pod template of a kind (`/spec/template`, `""` for a Pod), or undefined for kinds without one. */
export function templatePointer(groupKind: GroupKind): string | undefined {
  return Object.hasOwn(TEMPLATE_POINTERS, groupKind) ? TEMPLATE_POINTERS[groupKind] : undefined;
}

/** The pointer to the pod spec of a kind (`/spec/template/spec`, `/spec` for a Pod), or undefined. */
export function podSpecPointer(groupKind: GroupKind): string | undefined {
  const pointer = templatePointer(groupKind);
  return pointer === undefined ? undefined : `${pointer}/spec`;
}

/** The object keys from the root to the pod template (`[]` for a Pod), or undefined. */
export function templatePath(groupKind: GroupKind): readonly string[] | undefined {
  return TEMPLATE_PATHS.get(groupKind);
}

/** A pod spec and where it is, for the pointers of what is found in it. */
export interface PodSpecAt {
  spec: JsonObject;
  /** Pointer to the pod spec: `/spec/template/spec`, `/spec` for a Pod, `""` for a spec on its own. */
  specPointer: string;
}

export interface PodTemplate extends PodSpecAt {
  /** Pointer to the template (the object with `metadata` and `spec`); `""` for a Pod. */
  pointer: string;
  /** The template itself (the whole object for a Pod). */
  template: JsonObject;
  labels: Record<string, string>;
}

/**
 * The pod template of a pod-bearing object, or undefined: for other kinds, and when the template
 * or its `spec` is not an object (the schema reports that; nothing is guessed from it). The kind
 * is read from the object's own `apiVersion` and `kind`.
 */
export function podTemplateOf(object: JsonObject): PodTemplate | undefined {
  const kind = groupKindOfObject(object);
  const pointer = templatePointer(kind);
  if (pointer === undefined) return undefined;
  // A Pod's path is empty: dig gives the object itself.
  const template = asObject(dig(object, ...TEMPLATE_PATHS.get(kind)!));
  const spec = asObject(template?.spec);
  if (!template || !spec) return undefined;
  return {
    pointer,
    specPointer: `${pointer}/spec`,
    template,
    spec,
    labels: asStringMap(dig(template, 'metadata', 'labels')),
  };
}
