/**
 * API versions that Kubernetes stopped serving, with the release that removed them and what
 * replaces them, written from the Kubernetes deprecated API migration guide (removals from
 * 1.16 to 1.32; 1.33 to 1.36 removed no further API version). Replacements are listed newest
 * first with the release they became available in, so a message can name one the target
 * cluster serves.
 */
export interface RemovedApi {
  apiVersion: string;
  kinds: readonly string[];
  removedIn: string;
  /** Empty when nothing replaces the API (PodSecurityPolicy). */
  replacements: ReadonlyArray<{ apiVersion: string; since: string }>;
  /** What to use when no apiVersion replaces it. */
  instead?: string;
  /** When no replacement marks the start of the deprecation, the release that announced it. */
  deprecatedIn?: string;
}

const APPS_V1 = [{ apiVersion: 'apps/v1', since: '1.9' }];
const FLOWCONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];

export const REMOVED_APIS: readonly RemovedApi[] = [
  // 1.16
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    removedIn: '1.16',
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: '1.8' }],
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.16',
    replacements: [{ apiVersion: 'policy/v1beta1', since: '1.10' }],
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['DaemonSet', 'Deployment', 'ReplicaSet'],
    removedIn: '1.16',
    replacements: APPS_V1,
  },
  {
    apiVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    removedIn: '1.16',
    replacements: APPS_V1,
  },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet'],
    removedIn: '1.16',
    replacements: APPS_V1,
  },
  // 1.22
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'admissionregistration.k8s.io/v1', since: '1.16' }],
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'apiextensions.k8s.io/v1', since: '1.16' }],
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'apiregistration.k8s.io/v1', since: '1.10' }],
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'authentication.k8s.io/v1', since: '1.6' }],
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'authorization.k8s.io/v1', since: '1.6' }],
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'certificates.k8s.io/v1', since: '1.19' }],
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'coordination.k8s.io/v1', since: '1.14' }],
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: '1.19' }],
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: '1.19' }],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'rbac.authorization.k8s.io/v1', since: '1.8' }],
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'scheduling.k8s.io/v1', since: '1.14' }],
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: '1.19' }],
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSINode'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: '1.17' }],
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['StorageClass'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: '1.6' }],
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['VolumeAttachment'],
    removedIn: '1.22',
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: '1.13' }],
  },
  // 1.25
  {
    apiVersion: 'batch/v1beta1',
    kinds: ['CronJob'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'batch/v1', since: '1.21' }],
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'discovery.k8s.io/v1', since: '1.21' }],
  },
  {
    apiVersion: 'events.k8s.io/v1beta1',
    kinds: ['Event'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'events.k8s.io/v1', since: '1.19' }],
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'autoscaling/v2', since: '1.23' }],
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'policy/v1', since: '1.21' }],
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    removedIn: '1.25',
    replacements: [],
    instead: 'Pod Security Admission (pod-security.kubernetes.io labels on the namespace)',
    deprecatedIn: '1.21',
  },
  {
    apiVersion: 'node.k8s.io/v1beta1',
    kinds: ['RuntimeClass'],
    removedIn: '1.25',
    replacements: [{ apiVersion: 'node.k8s.io/v1', since: '1.20' }],
  },
  // 1.26
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: FLOWCONTROL,
    removedIn: '1.26',
    replacements: [
      { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' },
      { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26' },
      { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', since: '1.23' },
    ],
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    removedIn: '1.26',
    replacements: [{ apiVersion: 'autoscaling/v2', since: '1.23' }],
  },
  // 1.27
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    removedIn: '1.27',
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: '1.24' }],
  },
  // 1.29
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: FLOWCONTROL,
    removedIn: '1.29',
    replacements: [
      { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' },
      { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26' },
    ],
  },
  // 1.32
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: FLOWCONTROL,
    removedIn: '1.32',
    replacements: [{ apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' }],
  },
];

/**
 * Kinds deprecated as a whole while still served: using them works but draws a warning from
 * the API server. (`v1 Endpoints` gave way to EndpointSlices in 1.33.)
 */
export const DEPRECATED_KINDS: ReadonlyArray<{ apiVersion: string; kind: string; since: string; instead: string }> = [
  { apiVersion: 'v1', kind: 'Endpoints', since: '1.33', instead: 'discovery.k8s.io/v1 EndpointSlice' },
];

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return REMOVED_APIS.find((r) => r.apiVersion === apiVersion && r.kinds.includes(kind));
}
