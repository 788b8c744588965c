import { canonicalQuantity, parseQuantity } from '../../model/quantity.js';
import { copyJson } from './copy-json.js';
import { cached } from '../../model/maps.js';
import { canonicalJson, isObject, objectAt, objectsAt } from '../../model/json.js';

/** Template labels controllers add themselves; they never count as a change of template. */
const CONTROLLER_LABELS = ['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'];

/**
 * A pod template reduced to what decides whether it changed: without controller-added labels,
 * with resource quantities in canonical form (the API server stores `0.5` CPU as `500m`, so a
 * template read back from the cluster must equal the manifest that wrote it).
 */
export function comparableTemplate(template: unknown): string {
  const copy = isObject(template) ? copyJson(template) : {};
  const labels = objectAt(objectAt(copy, 'metadata') ?? {}, 'labels');
  if (labels) for (const key of CONTROLLER_LABELS) delete labels[key];
  const spec = objectAt(copy, 'spec') ?? {};
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const container of objectsAt(spec, key)) canonicalizeResources(objectAt(container, 'resources'));
  }
  canonicalizeResources(objectAt(spec, 'resources'));
  const overhead = objectAt(spec, 'overhead');
  if (overhead) canonicalizeList(overhead);
  return canonicalJson(copy);
}

function canonicalizeResources(resources: Record<string, unknown> | undefined): void {
  for (const key of ['requests', 'limits']) {
    const list = resources && objectAt(resources, key);
    if (list) canonicalizeList(list);
  }
}

function canonicalizeList(list: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(list)) {
    const quantity = parseQuantity(value);
    if (quantity) list[name] = canonicalQuantity(quantity);
  }
}

/**
 * Comparable forms of templates already seen. Stored objects are never changed in place (new
 * versions share the template they did not change), so a template's form is computed once,
 * not once per controller round.
 */
const comparableForms = new WeakMap<object, string>();

function cachedComparable(template: unknown): string {
  if (!isObject(template)) return comparableTemplate(template);
  return cached(comparableForms, template, () => comparableTemplate(template));
}

/**
 * Records that `copy` compares like `original`: a ReplicaSet's template is its Deployment's plus
 * the hash label, which the comparison ignores, so it need not be serialized again.
 */
export function sameTemplateAsOriginal(copy: object, original: unknown): void {
  comparableForms.set(copy, cachedComparable(original));
}

/** Whether two pod templates describe the same pods (EqualIgnoreHash, quantity-aware). */
export function sameTemplate(a: unknown, b: unknown): boolean {
  return cachedComparable(a) === cachedComparable(b);
}
