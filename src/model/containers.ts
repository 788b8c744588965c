import { type JsonObject, asString, indexedObjectsIn } from './json.js';
import type { PodSpecAt } from './pod-template.js';

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

/** Every container list of a pod spec, in the order the API documents them. */
export const ALL_CONTAINER_TYPES: readonly ContainerType[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface ContainerEntry {
  container: JsonObject;
  /** `""` when the container has no name (the schema reports that). */
  name: string;
  /** Pointer to the container: the spec's pointer, the list and the index. */
  pointer: string;
  type: ContainerType;
  /** Its index in its own list. */
  index: number;
  /** An init container with `restartPolicy: Always`: a sidecar that runs beside the app. */
  sidecar: boolean;
}

/**
 * The containers of a pod spec with their pointers, list by list in the order of `types`, each
 * list in its own order; items that are not objects are skipped. Each caller names the lists it
 * means, because Kubernetes itself differs by question: probes and resources concern app
 * containers (and sidecars), security and images every type, admission's LimitRanger and
 * ResourceQuota app and init containers but never ephemeral ones.
 */
export function containersOf(
  at: PodSpecAt,
  types: readonly ContainerType[] = ['initContainers', 'containers'],
): ContainerEntry[] {
  const out: ContainerEntry[] = [];
  for (const type of types) {
    for (const { item, index } of indexedObjectsIn(at.spec[type])) {
      out.push({
        container: item,
        name: asString(item.name) ?? '',
        pointer: `${at.specPointer}/${type}/${index}`,
        type,
        index,
        sidecar: type === 'initContainers' && item.restartPolicy === 'Always',
      });
    }
  }
  return out;
}

/** The containers of a pod spec on its own (a Pod's `spec`), with pointers relative to it (`/containers/0`). */
export function specContainers(spec: JsonObject, types?: readonly ContainerType[]): ContainerEntry[] {
  return containersOf({ spec, specPointer: '' }, types);
}

/**
 * Containers that run for the life of the pod: app containers, then sidecars (the order in which
 * the kubelet's port lookup, FindPort, tries them).
 */
export function longRunningContainers(at: PodSpecAt): ContainerEntry[] {
  return containersOf(at, ['containers', 'initContainers']).filter((c) => c.type === 'containers' || c.sidecar);
}

/** `container "web"` or `init container "setup"`, as messages name them. */
export function describeContainer(c: ContainerEntry): string {
  const what =
    c.type === 'initContainers'
      ? c.sidecar
        ? 'sidecar container'
        : 'init container'
      : c.type === 'ephemeralContainers'
        ? 'ephemeral container'
        : 'container';
  return c.name ? `${what} "${c.name}"` : what;
}
