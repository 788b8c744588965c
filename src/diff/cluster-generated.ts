import type { KubeObject } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { isObject } from '../model/json.js';

/** Kinds that controllers and components write, never people: `<group>/<kind>`. */
const GENERATED_KINDS = new Set([
  '/Event',
  'events.k8s.io/Event',
  '/Endpoints',
  'discovery.k8s.io/EndpointSlice',
  'apps/ControllerRevision',
  'coordination.k8s.io/Lease',
]);

/** Objects every namespace (`<kind>/<name>`) or cluster (`<kind>/<namespace>/<name>`) gets by itself. */
const BUILT_IN_OBJECTS = new Set([
  '/ConfigMap/kube-root-ca.crt',
  '/ServiceAccount/default',
  '/Service/default/kubernetes',
  '/Namespace/default',
  '/Namespace/kube-system',
  '/Namespace/kube-public',
  '/Namespace/kube-node-lease',
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
  const kind = `${groupOf(String(object.apiVersion))}/${String(object.kind)}`;
  if (GENERATED_KINDS.has(kind)) return true;
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = String(metadata.name);
  if (BUILT_IN_OBJECTS.has(`${kind}/${name}`) || BUILT_IN_OBJECTS.has(`${kind}/${String(metadata.namespace)}/${name}`))
    return true;
  if (isObject(metadata.labels) && 'kubernetes.io/bootstrapping' in metadata.labels) return true;
  const owners = metadata.ownerReferences;
  return Array.isArray(owners) && owners.some((o) => isObject(o) && o.controller === true);
}
