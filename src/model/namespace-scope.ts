import { type GroupKind, groupKind, kindInGroup } from './group-kind.js';
import type { KubeObject } from './manifest.js';
import { groupOf } from './object-ref.js';

/**
 * Built-in kinds that live outside namespaces. Every other built-in kind is namespaced. Read from
 * the API discovery documents upstream Kubernetes publishes (`api/discovery/*.json`, the
 * resources with `namespaced: false`; `kubectl api-resources --namespaced=false` lists the
 * same), including alpha and beta kinds a cluster may enable and kinds no longer served
 * (PodSecurityPolicy, ClusterCIDR, ResourceClass) that old manifests still carry.
 */
const CLUSTER_SCOPED: ReadonlySet<GroupKind> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ComponentStatus',
  'MutatingWebhookConfiguration.admissionregistration.k8s.io',
  'ValidatingWebhookConfiguration.admissionregistration.k8s.io',
  'ValidatingAdmissionPolicy.admissionregistration.k8s.io',
  'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io',
  'MutatingAdmissionPolicy.admissionregistration.k8s.io',
  'MutatingAdmissionPolicyBinding.admissionregistration.k8s.io',
  'CustomResourceDefinition.apiextensions.k8s.io',
  'APIService.apiregistration.k8s.io',
  'TokenReview.authentication.k8s.io',
  'SelfSubjectReview.authentication.k8s.io',
  'SubjectAccessReview.authorization.k8s.io',
  'SelfSubjectAccessReview.authorization.k8s.io',
  'SelfSubjectRulesReview.authorization.k8s.io',
  'CertificateSigningRequest.certificates.k8s.io',
  'ClusterTrustBundle.certificates.k8s.io',
  'PodSecurityPolicy.extensions',
  'FlowSchema.flowcontrol.apiserver.k8s.io',
  'PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io',
  'StorageVersion.internal.apiserver.k8s.io',
  'ClusterCIDR.networking.k8s.io',
  'IngressClass.networking.k8s.io',
  'IPAddress.networking.k8s.io',
  'ServiceCIDR.networking.k8s.io',
  'RuntimeClass.node.k8s.io',
  'PodSecurityPolicy.policy',
  'ClusterRole.rbac.authorization.k8s.io',
  'ClusterRoleBinding.rbac.authorization.k8s.io',
  'DeviceClass.resource.k8s.io',
  'DeviceTaintRule.resource.k8s.io',
  'ResourceClass.resource.k8s.io',
  'ResourcePoolStatusRequest.resource.k8s.io',
  'ResourceSlice.resource.k8s.io',
  'PriorityClass.scheduling.k8s.io',
  'CSIDriver.storage.k8s.io',
  'CSINode.storage.k8s.io',
  'StorageClass.storage.k8s.io',
  'VolumeAttachment.storage.k8s.io',
  'VolumeAttributesClass.storage.k8s.io',
  'StorageVersionMigration.storagemigration.k8s.io',
]);

/** The custom kinds whose CustomResourceDefinition says `scope: Cluster`. */
export type ClusterScopedCustomKinds = ReadonlySet<GroupKind>;

/** The cluster-scoped custom kinds declared by the CustomResourceDefinitions among `objects`. */
export function clusterScopedCustomKinds(objects: Iterable<KubeObject>): Set<GroupKind> {
  const kinds = new Set<GroupKind>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition' || groupOf(String(object.apiVersion)) !== 'apiextensions.k8s.io')
      continue;
    const spec = object.spec as { group?: unknown; scope?: unknown; names?: { kind?: unknown } } | undefined;
    if (spec?.scope === 'Cluster' && typeof spec.group === 'string' && typeof spec.names?.kind === 'string') {
      kinds.add(kindInGroup(spec.group, spec.names.kind));
    }
  }
  return kinds;
}

/**
 * Whether objects of this apiVersion and kind have no namespace: a built-in cluster-scoped kind,
 * or a custom kind among `custom`. Every other kind is namespaced, and an object of it that sets
 * no namespace goes to the one it is applied in (`DEFAULT_NAMESPACE` unless told otherwise).
 */
export function isClusterScoped(
  apiVersion: string,
  kind: string,
  custom: ClusterScopedCustomKinds = new Set(),
): boolean {
  const key = groupKind(apiVersion, kind);
  return CLUSTER_SCOPED.has(key) || custom.has(key);
}

/** The namespace kubectl applies to when the manifest sets none and no `--namespace` is given. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * Puts an object where the API server stores it: a cluster-scoped object loses the namespace it
 * sets, a namespaced one that sets none gets `namespace` (the one it is applied in).
 */
export function placeInNamespace(
  metadata: Record<string, unknown>,
  object: KubeObject,
  clusterScoped?: ClusterScopedCustomKinds,
  namespace: string = DEFAULT_NAMESPACE,
): void {
  if (isClusterScoped(String(object.apiVersion), String(object.kind), clusterScoped)) delete metadata.namespace;
  else if (typeof metadata.namespace !== 'string' || metadata.namespace === '') metadata.namespace = namespace;
}
