import type { KubeObject } from '../../model/manifest.js';
import {
  defaultMutatingWebhookConfiguration,
  defaultMutatingWebhookConfigurationV1beta1,
  defaultValidatingWebhookConfiguration,
  defaultValidatingWebhookConfigurationV1beta1,
} from './admissionregistration.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import { defaultHorizontalPodAutoscalerV1, defaultHorizontalPodAutoscalerV2 } from './autoscaling.js';
import { defaultCronJob, defaultJob } from './batch.js';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPod,
  defaultPodTemplateObject,
  defaultReplicationController,
  defaultSecret,
  defaultService,
} from './core.js';
import { defaultIngressClass, defaultNetworkPolicy } from './networking.js';
import { defaultPriorityClass } from './scheduling.js';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage.js';
import { copyJson, isPlainJson, sameAsCopy } from '../../model/copy-json.js';
import { defaultPodTemplate } from './pod-spec.js';
import { isObject, type JsonObject } from '../../model/json.js';

/**
 * The defaulting function of each kind, keyed by `apiVersion|kind`: the version is part of the
 * key on purpose, unlike the GroupKind keys everywhere else (src/model/group-kind.ts), because
 * defaults differ by version. An autoscaling/v2 HorizontalPodAutoscaler gets a CPU metric that a
 * v1 one does not; a Deployment of the removed extensions/v1beta1 kept every old ReplicaSet
 * where apps/v1 keeps 10. Only API versions a 1.34 API server serves are listed, with the pod
 * templates of removed workload versions: an object of another version (a removed beta, a CRD)
 * is returned unchanged, as kubeplan cannot know what that server would do with it.
 */
const DEFAULTERS: Record<string, (object: JsonObject) => void> = {
  'v1|Pod': defaultPod,
  'v1|PodTemplate': defaultPodTemplateObject,
  'v1|ReplicationController': defaultReplicationController,
  'v1|Service': defaultService,
  'v1|Secret': defaultSecret,
  'v1|Namespace': defaultNamespace,
  'v1|Node': defaultNode,
  'v1|Endpoints': defaultEndpoints,
  'v1|LimitRange': defaultLimitRange,
  'v1|PersistentVolumeClaim': defaultPersistentVolumeClaim,
  'v1|PersistentVolume': defaultPersistentVolume,
  'apps/v1|Deployment': defaultDeployment,
  'apps/v1|ReplicaSet': defaultReplicaSet,
  'apps/v1|StatefulSet': defaultStatefulSet,
  'apps/v1|DaemonSet': defaultDaemonSet,
  'batch/v1|Job': defaultJob,
  'batch/v1|CronJob': defaultCronJob,
  'autoscaling/v2|HorizontalPodAutoscaler': defaultHorizontalPodAutoscalerV2,
  'autoscaling/v1|HorizontalPodAutoscaler': defaultHorizontalPodAutoscalerV1,
  'networking.k8s.io/v1|NetworkPolicy': defaultNetworkPolicy,
  'networking.k8s.io/v1|IngressClass': defaultIngressClass,
  'scheduling.k8s.io/v1|PriorityClass': defaultPriorityClass,
  'storage.k8s.io/v1|StorageClass': defaultStorageClass,
  'admissionregistration.k8s.io/v1|ValidatingWebhookConfiguration': defaultValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1|MutatingWebhookConfiguration': defaultMutatingWebhookConfiguration,
  // Removed in 1.22, but dumps of older clusters hold it.
  'admissionregistration.k8s.io/v1beta1|ValidatingWebhookConfiguration': defaultValidatingWebhookConfigurationV1beta1,
  'admissionregistration.k8s.io/v1beta1|MutatingWebhookConfiguration': defaultMutatingWebhookConfigurationV1beta1,
  // Workloads of removed versions, still in dumps of older clusters: their own defaults differ
  // from apps/v1's, but their pod template is a core/v1 one, defaulted the same in every version.
  ...Object.fromEntries(
    [
      'apps/v1beta1|Deployment',
      'apps/v1beta1|StatefulSet',
      'apps/v1beta2|Deployment',
      'apps/v1beta2|StatefulSet',
      'apps/v1beta2|DaemonSet',
      'apps/v1beta2|ReplicaSet',
      'extensions/v1beta1|Deployment',
      'extensions/v1beta1|DaemonSet',
      'extensions/v1beta1|ReplicaSet',
    ].map((k) => [k, defaultTemplateOnly]),
  ),
};

function defaultTemplateOnly(workload: JsonObject): void {
  if (isObject(workload.spec)) defaultPodTemplate(workload.spec.template);
}

/**
 * Kinds whose served version has no defaults at all; listed so that `hasDefaults` can tell
 * "nothing to default" from "unknown to kubeplan".
 */
const WITHOUT_DEFAULTS = new Set([
  'v1|ConfigMap',
  'v1|ServiceAccount',
  'v1|ResourceQuota',
  'networking.k8s.io/v1|Ingress',
  'policy/v1|PodDisruptionBudget',
  'discovery.k8s.io/v1|EndpointSlice',
  'rbac.authorization.k8s.io/v1|Role',
  'rbac.authorization.k8s.io/v1|ClusterRole',
]);

function key(object: KubeObject): string {
  return `${String(object.apiVersion)}|${String(object.kind)}`;
}

/** True when kubeplan knows the API server's defaults for this object's apiVersion and kind. */
export function hasDefaults(object: KubeObject): boolean {
  return Object.hasOwn(DEFAULTERS, key(object)) || WITHOUT_DEFAULTS.has(key(object));
}

/**
 * The object as the API server would store it after defaulting (the same object, written as
 * the server's generated defaulters would fill it). Pure: the input is never modified, and the
 * result shares nothing with it. Quantities stay as written. Fields set by admission plugins,
 * registries and controllers (service account, default tolerations, cluster IPs, selectors of
 * Jobs) are not defaults: see `applyPodAdmission` and docs/defaults.md.
 */
export function applyDefaults<T extends KubeObject>(object: T): T {
  const copy = copyJson(object);
  defaultInPlace(copy);
  return copy;
}

/**
 * `applyDefaults` on an object the caller has just built and owns: defaulted where it is, with
 * no copy. The controllers build every pod from a fresh copy of its template, so a second deep
 * copy per pod would only cost time.
 */
export function defaultInPlace(object: KubeObject): void {
  if (Object.hasOwn(DEFAULTERS, key(object))) DEFAULTERS[key(object)]!(object);
}

/**
 * The top-level fields each defaulter reads and writes (besides `apiVersion` and `kind`, which
 * pick it), for the kinds of nearly every object of a large cluster. Read off the defaulters:
 * workloads and pods default their spec alone; a Service its spec and the load balancer status.
 */
const DEFAULTED_FIELDS: Record<string, readonly string[]> = {
  'v1|Pod': ['spec'],
  'v1|Service': ['spec', 'status'],
  'apps/v1|Deployment': ['spec'],
  'apps/v1|ReplicaSet': ['spec'],
  'apps/v1|StatefulSet': ['spec'],
  'apps/v1|DaemonSet': ['spec'],
};

/**
 * Specs known to come out of their kind's defaulting unchanged, with that kind's key: those the
 * defaulter has just filled in (`markDefaulted`; defaulting fills in only what is unset, so a
 * second pass adds nothing) and those checked by `defaultingKeeps`. Exact for as long as the spec
 * is not changed, and no stored object is changed in place. Only for kinds whose defaulter reads
 * nothing but the spec: the spec alone then decides.
 */
const defaultedSpecs = new WeakMap<object, string>();

function specOnly(kind: string): boolean {
  const fields = DEFAULTED_FIELDS[kind];
  return fields?.length === 1 && fields[0] === 'spec';
}

/** Records that `object` has just been defaulted (defaultInPlace) and is stored as it is. */
export function markDefaulted(object: KubeObject): void {
  if (specOnly(key(object)) && isObject(object.spec)) defaultedSpecs.set(object.spec, key(object));
}

/**
 * Whether `applyDefaults(object)` would give the object again: the same keys in the same order
 * and the same values, so that `sameAsCopy(object, applyDefaults(object))`. Told without copying
 * the whole object: only the fields its defaulter reads and writes are copied and defaulted, the
 * others need only be plain JSON (which a copy reproduces exactly). False when unsure.
 */
export function defaultingKeeps(object: KubeObject): boolean {
  const kind = key(object);
  const fields = DEFAULTED_FIELDS[kind];
  if (!fields) return false;
  if (specOnly(kind) && isObject(object.spec) && defaultedSpecs.get(object.spec) === kind)
    return othersPlain(object, fields);
  const keys = Object.keys(object);
  const part: KubeObject = { apiVersion: object.apiVersion, kind: object.kind };
  for (const field of fields) if (keys.includes(field)) part[field] = copyJson(object[field]);
  const before = Object.keys(part);
  defaultInPlace(part);
  // A field the defaulter added (an absent spec it created) would be a change.
  if (!sameAsCopy(before, Object.keys(part))) return false;
  if (!Object.is(part.apiVersion, object.apiVersion) || !Object.is(part.kind, object.kind)) return false;
  for (const field of fields) if (keys.includes(field) && !sameAsCopy(object[field], part[field])) return false;
  if (!othersPlain(object, fields)) return false;
  if (specOnly(kind) && isObject(object.spec)) defaultedSpecs.set(object.spec, kind);
  return true;
}

/** Whether the fields other than `fields` (and the object itself) are plain JSON, which a copy reproduces exactly. */
function othersPlain(object: KubeObject, fields: readonly string[]): boolean {
  if (Object.getPrototypeOf(object) !== Object.prototype) return false;
  for (const name of Object.keys(object)) if (!fields.includes(name) && !isPlainJson(object[name])) return false;
  return true;
}
