import type { KubeObject } from '../model/manifest.js';
import { type GroupKind, groupKindOfObject } from '../model/group-kind.js';
import { templatePath } from '../model/pod-template.js';
import { SERVING_WORKLOADS } from '../model/workload-kinds.js';
import { isObject } from '../model/json.js';

/**
 * A field that the cluster fills in after the object is written (allocators, admission plugins,
 * controllers, `kubectl rollout restart`) and that manifests normally leave out. `kubectl apply`
 * leaves such a field alone when the manifest does not mention it, so it is compared only when
 * the desired manifest sets it. `*` in a path stands for each item of a list (matched by
 * position after alignment); `values` limits a list of strings to the items the cluster adds.
 */
interface FilledField {
  kinds: readonly GroupKind[];
  path: readonly string[];
  values?: readonly string[];
}

const JOB_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'];

const FILLED_FIELDS: readonly FilledField[] = [
  // Service IP and port allocation.
  ...['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'healthCheckNodePort'].map((f) => ({
    kinds: ['Service'],
    path: ['spec', f],
  })),
  { kinds: ['Service'], path: ['spec', 'ports', '*', 'nodePort'] },
  // The Job registry's selector and labels.
  { kinds: ['Job.batch'], path: ['spec', 'selector'] },
  ...JOB_LABELS.flatMap((label) => [
    { kinds: ['Job.batch'], path: ['spec', 'template', 'metadata', 'labels', label] },
    { kinds: ['Job.batch'], path: ['metadata', 'labels', label] },
  ]),
  // `kubectl rollout restart` stamps the pod template of a workload whose pods run until replaced.
  ...[...SERVING_WORKLOADS].map((kind) => ({
    kinds: [kind],
    path: [...templatePath(kind)!, 'metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'],
  })),
  // StatefulSet claim templates come back with their type.
  { kinds: ['StatefulSet.apps'], path: ['spec', 'volumeClaimTemplates', '*', 'apiVersion'] },
  { kinds: ['StatefulSet.apps'], path: ['spec', 'volumeClaimTemplates', '*', 'kind'] },
  // Claim binding, the default storage class, and protection finalizers.
  { kinds: ['PersistentVolumeClaim'], path: ['spec', 'volumeName'] },
  { kinds: ['PersistentVolumeClaim'], path: ['spec', 'storageClassName'] },
  ...[
    'pv.kubernetes.io/bind-completed',
    'pv.kubernetes.io/bound-by-controller',
    'volume.beta.kubernetes.io/storage-provisioner',
    'volume.kubernetes.io/storage-provisioner',
    'volume.kubernetes.io/selected-node',
  ].map((a) => ({ kinds: ['PersistentVolumeClaim'], path: ['metadata', 'annotations', a] })),
  { kinds: ['PersistentVolumeClaim'], path: ['metadata', 'finalizers'], values: ['kubernetes.io/pvc-protection'] },
  { kinds: ['PersistentVolume'], path: ['metadata', 'finalizers'], values: ['kubernetes.io/pv-protection'] },
  { kinds: ['PersistentVolume'], path: ['spec', 'claimRef'] },
  { kinds: ['Namespace'], path: ['spec', 'finalizers'], values: ['kubernetes'] },
  // Scheduling and service-account admission of bare pods.
  ...['nodeName', 'serviceAccountName', 'serviceAccount', 'priority'].map((f) => ({
    kinds: ['Pod'],
    path: ['spec', f],
  })),
];

/**
 * Removes from the (aligned) current object the fields the cluster filled in that the desired
 * object does not set. Mutates `current`, which the caller owns.
 */
export function dropClusterFilledFields(current: KubeObject, desired: KubeObject): void {
  const kind = groupKindOfObject(current);
  for (const field of FILLED_FIELDS) {
    if (field.kinds.includes(kind)) drop(current, desired, field.path, field.values);
  }
}

function drop(
  current: unknown,
  desired: unknown,
  path: readonly string[],
  values: readonly string[] | undefined,
): void {
  const [segment, ...rest] = path;
  if (segment === undefined) return;
  if (segment === '*') {
    if (!Array.isArray(current)) return;
    for (const [i, item] of current.entries())
      drop(item, Array.isArray(desired) ? desired[i] : undefined, rest, values);
    return;
  }
  if (!isObject(current) || !Object.hasOwn(current, segment)) return;
  const mine = isObject(desired) ? desired[segment] : undefined;
  if (rest.length) {
    drop(current[segment], mine, rest, values);
    if (mine === undefined) pruneEmpty(current, segment);
    return;
  }
  if (values && Array.isArray(current[segment])) {
    const wanted = Array.isArray(mine) ? mine : [];
    current[segment] = (current[segment] as unknown[]).filter(
      (v) => !(typeof v === 'string' && values.includes(v) && !wanted.includes(v)),
    );
    if (mine === undefined) pruneEmpty(current, segment);
  } else if (mine === undefined) {
    delete current[segment];
  }
}

/** A map or list emptied by a removal, which the desired side does not have, means the same as none. */
function pruneEmpty(parent: Record<string, unknown>, key: string): void {
  const value = parent[key];
  if ((Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0))
    delete parent[key];
}
