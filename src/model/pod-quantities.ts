import { ALL_CONTAINER_TYPES, specContainers } from './containers.js';
import { type JsonObject, asArray, asObject, objectAt } from './json.js';
import { canonicalQuantity, parseQuantity } from './quantity.js';

/**
 * Called for each quantity-typed field (its parent object and key), with the object at the same
 * place in a second value walked alongside, when it has one there.
 */
export type QuantityVisit = (parent: JsonObject, key: string, other: JsonObject | undefined) => void;

/** Each field of a map of quantities (`requests`, `hard`, `capacity`, `overhead`). */
export function visitQuantityMap(
  map: JsonObject | undefined,
  other: JsonObject | undefined,
  visit: QuantityVisit,
): void {
  if (map) for (const key of Object.keys(map)) visit(map, key, other);
}

/** The `requests` and `limits` of a ResourceRequirements (a container's, the pod's, a claim's). */
export function visitResourceQuantities(
  resources: JsonObject | undefined,
  other: JsonObject | undefined,
  visit: QuantityVisit,
): void {
  visitQuantityMap(objectAt(resources, 'requests'), objectAt(other, 'requests'), visit);
  visitQuantityMap(objectAt(resources, 'limits'), objectAt(other, 'limits'), visit);
}

/** The item at `index` of the list at `parent[key]`, when it is an object. */
function itemAt(parent: JsonObject | undefined, key: string, index: number): JsonObject | undefined {
  return asObject(asArray(parent?.[key])[index]);
}

/**
 * Every quantity-typed field of a pod spec: the resources of every container (init, app and
 * ephemeral), pod-level resources, `overhead`, emptyDir `sizeLimit` and the resources of
 * ephemeral volume claim templates. `other` (a second pod spec) is walked alongside, item by item
 * at the same index. This is the one list of them: whether two templates are the same (the
 * plan's controllers) and what the diff shows both read quantities through it.
 */
export function visitPodSpecQuantities(spec: JsonObject, other: JsonObject | undefined, visit: QuantityVisit): void {
  for (const c of specContainers(spec, ALL_CONTAINER_TYPES)) {
    visitResourceQuantities(
      objectAt(c.container, 'resources'),
      objectAt(itemAt(other, c.type, c.index), 'resources'),
      visit,
    );
  }
  visitResourceQuantities(objectAt(spec, 'resources'), objectAt(other, 'resources'), visit);
  visitQuantityMap(objectAt(spec, 'overhead'), objectAt(other, 'overhead'), visit);
  asArray(spec.volumes).forEach((item, index) => {
    const volume = asObject(item);
    const theirs = itemAt(other, 'volumes', index);
    const emptyDir = objectAt(volume, 'emptyDir');
    if (emptyDir && Object.hasOwn(emptyDir, 'sizeLimit')) visit(emptyDir, 'sizeLimit', objectAt(theirs, 'emptyDir'));
    const claim = objectAt(objectAt(volume, 'ephemeral'), 'volumeClaimTemplate');
    const theirClaim = objectAt(objectAt(theirs, 'ephemeral'), 'volumeClaimTemplate');
    visitResourceQuantities(
      objectAt(objectAt(claim, 'spec'), 'resources'),
      objectAt(objectAt(theirClaim, 'spec'), 'resources'),
      visit,
    );
  });
}

/**
 * Rewrites the quantity at `parent[key]` in its canonical spelling, as the API server stores it
 * (`0.5` → `500m`, `1024Mi` → `1Gi`). A value that is not a quantity is left as written: schema
 * validation reports it.
 */
export function canonicalizeQuantityAt(parent: JsonObject, key: string): void {
  const quantity = parseQuantity(parent[key]);
  if (quantity) parent[key] = canonicalQuantity(quantity);
}

/** Every quantity of a pod spec in its canonical spelling. Mutates `spec`, which the caller owns. */
export function canonicalizePodSpecQuantities(spec: JsonObject): void {
  visitPodSpecQuantities(spec, undefined, canonicalizeQuantityAt);
}
