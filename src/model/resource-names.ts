/**
 * What kind of resource a name in `requests`, `limits`, `overhead` or a node's `allocatable`
 * stands for, as `k8s.io/kubernetes/pkg/apis/core/v1/helper` tells them apart. The scheduler
 * tracks scalar resources per node; the quota evaluator charges hugepages under their own and
 * their `requests.` name and extended resources under `requests.` only.
 */

export const CPU = 'cpu';
export const MEMORY = 'memory';
export const EPHEMERAL_STORAGE = 'ephemeral-storage';
export const PODS = 'pods';

const HUGEPAGES_PREFIX = 'hugepages-';
const ATTACHABLE_VOLUMES_PREFIX = 'attachable-volumes-';
/** Quota names of requests: `requests.cpu`, `requests.nvidia.com/gpu`. */
const REQUESTS_PREFIX = 'requests.';

/** `hugepages-2Mi`, `hugepages-1Gi`. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGEPAGES_PREFIX);
}

/** A name in Kubernetes' own namespace: `kubernetes.io/…` or `*.kubernetes.io/…` (anywhere in the name, as upstream checks). */
export function isPrefixedNativeResource(name: string): boolean {
  return name.includes('kubernetes.io/');
}

/** Names without a domain (`cpu`, `memory`, `hugepages-2Mi`) and names in Kubernetes' namespace. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || isPrefixedNativeResource(name);
}

/**
 * A resource a device plugin or a cluster administrator adds (`nvidia.com/gpu`): it has a domain
 * outside Kubernetes' namespace and is not a quota `requests.` name. (Upstream also checks that
 * `requests.<name>` is a qualified name; the API server refuses a container that names an
 * unqualified resource, so the simulation never meets one.)
 */
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith(REQUESTS_PREFIX);
}

/** The resources kube-scheduler counts one by one beside cpu, memory and ephemeral-storage. */
export function isScalarResourceName(name: string): boolean {
  return (
    isExtendedResourceName(name) ||
    isHugePageResourceName(name) ||
    isPrefixedNativeResource(name) ||
    name.startsWith(ATTACHABLE_VOLUMES_PREFIX)
  );
}
