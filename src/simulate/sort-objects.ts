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

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Objects in a stable order: by kind (the order above, then others by name), namespace, name. */
export function sortObjects(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort(
    (a, b) =>
      rank(String(a.kind)) - rank(String(b.kind)) ||
      compareText(String(a.kind), String(b.kind)) ||
      compareText(String(a.apiVersion), String(b.apiVersion)) ||
      compareText(namespaceOf(a), namespaceOf(b)) ||
      compareText(nameOf(a), nameOf(b)),
  );
}
