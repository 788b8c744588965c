import type { KubeObject } from './manifest.js';
import { groupOf } from './object-ref.js';

/**
 * Built-in kinds that live outside namespaces, as `<group>/<kind>` (`/Namespace` for the core
 * group). Every other built-in kind is namespaced. Read from the resource lists a 1.34 API server
 * publishes (`kubectl api-resources --namespaced=false`).
 */
const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy',
  'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'authentication.k8s.io/TokenReview',
  'authentication.k8s.io/SelfSubjectReview',
  'authorization.k8s.io/SubjectAccessReview',
  'authorization.k8s.io/SelfSubjectAccessReview',
  'authorization.k8s.io/SelfSubjectRulesReview',
  'certificates.k8s.io/CertificateSigningRequest',
  'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'internal.apiserver.k8s.io/StorageVersion',
  'networking.k8s.io/IngressClass',
  'networking.k8s.io/IPAddress',
  'networking.k8s.io/ServiceCIDR',
  'node.k8s.io/RuntimeClass',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'resource.k8s.io/DeviceClass',
  'resource.k8s.io/ResourceSlice',
  'scheduling.k8s.io/PriorityClass',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/VolumeAttributesClass',
  'storagemigration.k8s.io/StorageVersionMigration',
]);

/** `<group>/<kind>` of the custom resources whose CustomResourceDefinition says `scope: Cluster`. */
export type ClusterScopedCustomKinds = ReadonlySet<string>;

/** The cluster-scoped custom kinds declared by the CustomResourceDefinitions among `objects`. */
export function clusterScopedCustomKinds(objects: Iterable<KubeObject>): Set<string> {
  const kinds = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition' || groupOf(String(object.apiVersion)) !== 'apiextensions.k8s.io')
      continue;
    const spec = object.spec as { group?: unknown; scope?: unknown; names?: { kind?: unknown } } | undefined;
    if (spec?.scope === 'Cluster' && typeof spec.group === 'string' && typeof spec.names?.kind === 'string') {
      kinds.add(`${spec.group}/${spec.names.kind}`);
    }
  }
  return kinds;
}

/** Whether objects of this apiVersion and kind have no namespace. */
export function isClusterScoped(
  apiVersion: string,
  kind: string,
  custom: ClusterScopedCustomKinds = new Set(),
): boolean {
  const key = `${groupOf(apiVersion)}/${kind}`;
  return CLUSTER_SCOPED.has(key) || custom.has(key);
}

/** The namespace kubectl applies to when the manifest sets none. */
export const DEFAULT_NAMESPACE = 'default';
