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
import { defaultPersistentVolume, defaultPersistentVolumeClaim } from './storage.js';
import { copyJson } from '../../model/copy-json.js';
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
