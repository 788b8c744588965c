import { asObject } from '../model/json.js';
import type { ContainerEntry } from '../model/containers.js';

/** `resources.requests` and `resources.limits` of a container, as objects (empty when absent or malformed). */
export function resourcesOf(c: ContainerEntry): { requests: Record<string, unknown>; limits: Record<string, unknown> } {
  const resources = asObject(c.container.resources);
  return { requests: asObject(resources?.requests) ?? {}, limits: asObject(resources?.limits) ?? {} };
}

/**
 * Whether the container has a request for `resource`: written, or defaulted from its limit
 * (the API server copies a limit into a missing request).
 */
export function hasRequest(c: ContainerEntry, resource: string): boolean {
  const { requests, limits } = resourcesOf(c);
  return requests[resource] !== undefined || limits[resource] !== undefined;
}
