import { type FieldValue, fieldOf, WRONG_TYPE } from './field-of.js';
import type { ContainerEntry } from '../model/containers.js';
import { asObject } from '../model/json.js';
import type { PodTemplate } from '../model/pod-template.js';

/** `resources.requests` and `resources.limits` of a container, as objects (empty when absent or malformed). */
export function resourcesOf(c: ContainerEntry): { requests: Record<string, unknown>; limits: Record<string, unknown> } {
  const resources = asObject(c.container.resources);
  return { requests: asObject(resources?.requests) ?? {}, limits: asObject(resources?.limits) ?? {} };
}

const isAmount = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

/** `resources.<section>.<resource>` of a container or of a pod spec (pod-level resources), as fieldOf reads it. */
function amount(holder: unknown, section: 'requests' | 'limits', resource: string): FieldValue<string | number> {
  return fieldOf(holder, ['resources', section, resource], isAmount);
}

/** What is known of one resource of a container: set, not set, or unknown (a field on the way has the wrong type). */
export type ResourceState = 'set' | 'missing' | 'unknown';

function stateOf(values: ReadonlyArray<FieldValue<string | number>>): ResourceState {
  if (values.includes(WRONG_TYPE)) return 'unknown';
  return values.some((v) => v !== undefined) ? 'set' : 'missing';
}

/**
 * Whether a container has a request for `resource`: written, or defaulted from its limit (the
 * API server copies a limit into a missing request), or set for the whole pod by pod-level
 * `spec.resources` (whose request defaults to its limit the same way), which the scheduler then
 * counts instead.
 */
export function requestState(template: PodTemplate, c: ContainerEntry, resource: string): ResourceState {
  return stateOf([
    amount(c.container, 'requests', resource),
    amount(c.container, 'limits', resource),
    amount(template.spec, 'requests', resource),
    amount(template.spec, 'limits', resource),
  ]);
}

/** Whether a container is limited in `resource`: by its own limit, or by the pod-level limit of `spec.resources`. */
export function limitState(template: PodTemplate, c: ContainerEntry, resource: string): ResourceState {
  return stateOf([amount(c.container, 'limits', resource), amount(template.spec, 'limits', resource)]);
}
