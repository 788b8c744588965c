import type { KubeObject } from '../model/manifest.js';
import { nameOf, namespaceOf } from './state.js';

/** The order kinds appear in the plan's output: the cluster, then what defines, runs and serves. */
const KIND_ORDER = [
  'Node', 'Namespace', 'PriorityClass', 'StorageClass', 'PersistentVolume', 'ServiceAccount', 'ConfigMap', 'Secret', 'LimitRange',
  'ResourceQuota', 'PersistentVolumeClaim', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'Pod',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Service', 'EndpointSlice', 'Ingress', 'NetworkPolicy',
];

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Objects in a stable order: by kind (the order above, then others by name), namespace, name. */
export function sortObjects(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort(
    (a, b) =>
      rank(String(a.kind)) - rank(String(b.kind)) ||
      compare(String(a.kind), String(b.kind)) ||
      compare(String(a.apiVersion), String(b.apiVersion)) ||
      compare(namespaceOf(a), namespaceOf(b)) ||
      compare(nameOf(a), nameOf(b)),
  );
}
