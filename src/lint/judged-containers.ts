import { type ContainerEntry, type ContainerType, containersOf } from '../model/containers.js';
import type { PodSpecAt } from '../model/pod-template.js';

/**
 * The containers rules judge: those of `containersOf`, less any whose `name` is there but not a
 * string (`name: 42`). The API server refuses such a pod and the schema phase says so; the rules
 * could not name the container in a message, and a `kubeplan.io/ignore.<container>` annotation
 * could not reach it, so they say nothing about it.
 */
export function judgedContainers(at: PodSpecAt, types?: readonly ContainerType[]): ContainerEntry[] {
  return containersOf(at, types).filter((c) => {
    const name = c.container.name;
    return name === undefined || name === null || typeof name === 'string';
  });
}
