import type { KubeObject } from '../model/manifest.js';
import { asObject, dig, isObject } from '../model/json.js';
import { groupKindOfObject } from '../model/group-kind.js';
import { templatePath } from '../model/pod-template.js';

/** Metadata fields the API server writes on every object; no manifest decides them. */
const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];
const IS_SERVER_METADATA: ReadonlySet<string> = new Set(SERVER_METADATA);

/**
 * Annotations written by tools and controllers rather than by the manifest's author: kubectl's
 * copy of the last applied manifest (for a Secret it even holds the values) and the revision
 * counters of the Deployment and DaemonSet controllers.
 */
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
];
const IS_SERVER_ANNOTATION: ReadonlySet<string> = new Set(SERVER_ANNOTATIONS);

/**
 * A shallow copy of the object without `status` and the server's metadata fields (annotations
 * included), so that copying it deeply costs only what the diff compares: a dump's status,
 * `managedFields` and last-applied annotation can be most of an object. The input is not
 * modified; the copy shares everything else with it.
 */
export function withoutTopServerFields(object: KubeObject): KubeObject {
  const copy: KubeObject = {};
  for (const key of Object.keys(object)) if (key !== 'status') copy[key] = object[key];
  const metadata = copy.metadata;
  if (!isObject(metadata)) return copy;
  const slim: Record<string, unknown> = {};
  for (const key of Object.keys(metadata)) if (!IS_SERVER_METADATA.has(key)) slim[key] = metadata[key];
  const annotations = slim.annotations;
  if (isObject(annotations) && SERVER_ANNOTATIONS.some((a) => a in annotations)) {
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(annotations)) if (!IS_SERVER_ANNOTATION.has(key)) kept[key] = annotations[key];
    slim.annotations = kept;
  }
  copy.metadata = slim;
  return copy;
}

/**
 * Whether withoutTopServerFields would leave anything out: a predicted object or a manifest has
 * none of those fields, and then needs no slim copy before its deep copy.
 */
export function hasTopServerFields(object: KubeObject): boolean {
  if (Object.hasOwn(object, 'status')) return true;
  const metadata = object.metadata;
  if (!isObject(metadata)) return false;
  for (const key of Object.keys(metadata)) if (IS_SERVER_METADATA.has(key)) return true;
  const annotations = metadata.annotations;
  return isObject(annotations) && SERVER_ANNOTATIONS.some((a) => a in annotations);
}

/**
 * Removes what the API server and controllers own: `status`, the server's metadata fields and
 * annotations, and the same inside embedded templates (`kubectl get -o yaml` prints
 * `creationTimestamp: null` in pod templates and a `status` in StatefulSet claim templates).
 * The pod template is found where `model/pod-template.ts` says its kind keeps it; a custom
 * resource's `spec.template` is not a pod template and is left as it is. Mutates `object`, which
 * the caller owns.
 */
export function dropServerFields(object: KubeObject): void {
  delete object.status;
  cleanMetadata(object.metadata);
  const kind = groupKindOfObject(object);
  const path = templatePath(kind);
  if (path?.length) {
    const template = asObject(dig(object, ...path));
    if (template) cleanTemplateMetadata(template);
  }
  // A CronJob's job template has metadata of its own around the pod template.
  const jobTemplate = kind === 'CronJob.batch' ? asObject(dig(object, 'spec', 'jobTemplate')) : undefined;
  if (jobTemplate) cleanTemplateMetadata(jobTemplate);
  const spec = isObject(object.spec) ? object.spec : undefined;
  if (spec && Array.isArray(spec.volumeClaimTemplates)) {
    for (const claim of spec.volumeClaimTemplates) {
      if (!isObject(claim)) continue;
      delete claim.status;
      cleanTemplateMetadata(claim);
    }
  }
}

/** A template's metadata left empty (it only held `creationTimestamp: null`) means none. */
function cleanTemplateMetadata(template: Record<string, unknown>): void {
  cleanMetadata(template.metadata);
  if (isObject(template.metadata) && Object.keys(template.metadata).length === 0) delete template.metadata;
}

function cleanMetadata(metadata: unknown): void {
  if (!isObject(metadata)) return;
  // Walks the keys the metadata has (a handful) rather than trying each server field on every object.
  for (const key of Object.keys(metadata)) if (IS_SERVER_METADATA.has(key)) delete metadata[key];
  const annotations = metadata.annotations;
  if (isObject(annotations)) {
    for (const key of Object.keys(annotations)) if (IS_SERVER_ANNOTATION.has(key)) delete annotations[key];
    if (Object.keys(annotations).length === 0) delete metadata.annotations;
  }
}
