import type { KubeObject } from '../model/manifest.js';
import { compareText } from '../model/compare-text.js';
import { bareKind } from '../model/group-kind.js';
import { WORKLOAD_KIND_ORDER } from '../model/workload-kinds.js';
import { nameOf, namespaceOf } from '../model/object-ref.js';

/** The order kinds appear in the plan's output: the cluster, then what defines, runs and serves. */
const KIND_ORDER = [
  'Node',
  'Namespace',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
  'ServiceAccount',
  'ConfigMap',
  'Secret',
  'LimitRange',
  'ResourceQuota',
  'PersistentVolumeClaim',
  // The workloads in the order of their table, then bare Pods.
  ...new Set(WORKLOAD_KIND_ORDER.map(bareKind)),
  'Pod',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Service',
  'EndpointSlice',
  'Ingress',
  'NetworkPolicy',
];

/** Position of each listed kind (its first, as indexOf finds), looked up once per object rather than once per comparison. */
const KIND_RANK = new Map<string, number>();
for (const [i, kind] of KIND_ORDER.entries()) if (!KIND_RANK.has(kind)) KIND_RANK.set(kind, i);

function rank(kind: string): number {
  return KIND_RANK.get(kind) ?? KIND_ORDER.length;
}

/** What objects are sorted by, read once per object: a sort compares each object many times. */
interface SortKey {
  object: KubeObject;
  rank: number;
  kind: string;
  apiVersion: string;
  namespace: string;
  name: string;
}

function sortKey(object: KubeObject): SortKey {
  const kind = String(object.kind);
  return {
    object,
    rank: rank(kind),
    kind,
    apiVersion: String(object.apiVersion),
    namespace: namespaceOf(object),
    name: nameOf(object),
  };
}

/** Objects in a stable order: by kind (the order above, then others by name), namespace, name. */
export function sortObjects(objects: readonly KubeObject[]): KubeObject[] {
  return objects
    .map(sortKey)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        compareText(a.kind, b.kind) ||
        compareText(a.apiVersion, b.apiVersion) ||
        compareText(a.namespace, b.namespace) ||
        compareText(a.name, b.name),
    )
    .map((key) => key.object);
}
