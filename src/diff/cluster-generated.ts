import { type GroupKind, groupKindOfObject } from '../model/group-kind.js';
import { isObject } from '../model/json.js';
import type { KubeObject } from '../model/manifest.js';
import { nameOf, namespaceOf } from '../model/object-ref.js';

/** Kinds that controllers and components write, never people. */
const GENERATED_KINDS: ReadonlySet<GroupKind> = new Set([
  'Event',
  'Event.events.k8s.io',
  'Endpoints',
  'EndpointSlice.discovery.k8s.io',
  'ControllerRevision.apps',
  'Lease.coordination.k8s.io',
]);

/** Objects every namespace (`<kind>/<name>`) or cluster (`<kind>/<namespace>/<name>`) gets by itself. */
const BUILT_IN_OBJECTS = new Set([
  'ConfigMap/kube-root-ca.crt',
  'ServiceAccount/default',
  'Service/default/kubernetes',
  'Namespace/default',
  'Namespace/kube-system',
  'Namespace/kube-public',
  'Namespace/kube-node-lease',
]);

/**
 * Whether an object of a cluster dump was made by the cluster rather than by whoever writes the
 * manifests: anything with a controlling owner (the ReplicaSets and Pods of a Deployment, the
 * Jobs of a CronJob), events, endpoints, leases, controller revisions, the objects every
 * namespace gets (`default` ServiceAccount, `kube-root-ca.crt`) and the API server's own RBAC
 * defaults. Such an object on the current side only is neither unmanaged nor pruned; when a
 * manifest declares it, it is compared as usual.
 */
export function isClusterGenerated(object: KubeObject): boolean {
  const kind = groupKindOfObject(object);
  if (GENERATED_KINDS.has(kind)) return true;
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = nameOf(object);
  if (BUILT_IN_OBJECTS.has(`${kind}/${name}`) || BUILT_IN_OBJECTS.has(`${kind}/${namespaceOf(object)}/${name}`))
    return true;
  if (isObject(metadata.labels) && 'kubernetes.io/bootstrapping' in metadata.labels) return true;
  const owners = metadata.ownerReferences;
  return Array.isArray(owners) && owners.some((o) => isObject(o) && o.controller === true);
}
