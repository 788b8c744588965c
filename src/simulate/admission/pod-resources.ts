import { addQuantities, compareQuantities, parseQuantity, type Quantity } from '../../model/quantity.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';

/** Resource name → quantity, as a container or pod asks for it. */
export type ResourceList = Map<string, Quantity>;

/** A map of quantities (`requests`, `overhead`, a quota's `hard`); unparsable values are left out (the schema reports them). */
export function resourceList(values: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!isObject(values)) return list;
  for (const [name, raw] of Object.entries(values)) {
    const q = parseQuantity(raw);
    if (q) list.set(name, q);
  }
  return list;
}

/** A container's `resources.requests` or `resources.limits`. */
export function containerResources(container: Record<string, unknown>, field: 'requests' | 'limits'): ResourceList {
  return resourceList(objectAt(objectAt(container, 'resources') ?? {}, field));
}

function addInto(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) list.set(name, list.has(name) ? addQuantities(list.get(name)!, q) : q);
}

function maxInto(list: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) if (!list.has(name) || compareQuantities(q, list.get(name)!) > 0) list.set(name, q);
}

/**
 * A pod's total requests or limits: the sum of its containers and sidecars (init containers with
 * `restartPolicy: Always`), or the largest init step if higher (each init container runs beside
 * the sidecars started before it), as the API server's LimitRanger and resource helpers count
 * them. With `podLevel`, `spec.resources` replaces the sum for the resources it sets and the
 * overhead of the RuntimeClass is added (to limits only where the pod has one), as the
 * ResourceQuota evaluator counts pods.
 */
export function podResources(
  spec: Record<string, unknown>,
  field: 'requests' | 'limits',
  podLevel: boolean,
): ResourceList {
  const total: ResourceList = new Map();
  for (const container of objectsAt(spec, 'containers')) addInto(total, containerResources(container, field));
  const sidecars: ResourceList = new Map();
  const initSteps: ResourceList = new Map();
  for (const container of objectsAt(spec, 'initContainers')) {
    const own = containerResources(container, field);
    if (container.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initSteps, sidecars);
    } else {
      const step: ResourceList = new Map(own);
      addInto(step, sidecars);
      maxInto(initSteps, step);
    }
  }
  maxInto(total, initSteps);
  if (!podLevel) return total;
  for (const [name, q] of containerResources(spec, field)) total.set(name, q);
  if (!isObject(spec.overhead)) return total;
  // The overhead adds to every request, and to the limits the pod sets.
  const overhead = resourceList(spec.overhead);
  addInto(total, field === 'requests' ? overhead : new Map([...overhead].filter(([name]) => total.has(name))));
  return total;
}
