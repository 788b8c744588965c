import { copyJson } from '../../model/copy-json.js';
import { cached } from '../../model/maps.js';
import { canonicalJson, dropNulls, isObject, type JsonObject, objectAt } from '../../model/json.js';
import { canonicalizePodSpecQuantities } from '../../model/pod-quantities.js';

/** Template labels controllers add themselves; they never count as a change of template. */
const CONTROLLER_LABELS = ['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'];

/**
 * A pod template reduced to what decides whether it changed: without `null` fields and
 * controller-added labels, with every quantity of its pod spec in canonical form (the API server
 * stores `0.5` CPU as `500m` and a `1024Mi` emptyDir limit as `1Gi`, so a template read back
 * from the cluster must equal the manifest that wrote it). The quantities are those the diff
 * compares by value (`model/pod-quantities.ts`).
 */
export function comparableTemplate(template: unknown): string {
  // `null` is "not set" to the API server: `kubectl get -o yaml` prints `creationTimestamp: null`.
  const copy = isObject(template) ? (dropNulls(copyJson(template)) as JsonObject) : {};
  const labels = objectAt(objectAt(copy, 'metadata') ?? {}, 'labels');
  if (labels) for (const key of CONTROLLER_LABELS) delete labels[key];
  const spec = objectAt(copy, 'spec');
  if (spec) canonicalizePodSpecQuantities(spec);
  return canonicalJson(copy);
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
 * Templates that compare like another, by the template they were copied from (a ReplicaSet's
 * copy of its Deployment's template): compared with that very template, as a Deployment compares
 * its template with its ReplicaSets' every round, they are the same without serializing either.
 */
const copiedFrom = new WeakMap<object, object>();

/** The template `template` compares like: the one it was copied from (sameTemplateAsOriginal), or itself. */
function originalOf(template: unknown): unknown {
  return isObject(template) ? (copiedFrom.get(template) ?? template) : template;
}

/**
 * Records that `copy` compares like `original`: a ReplicaSet's template is its Deployment's plus
 * the hash label, which the comparison ignores, so it need not be serialized again.
 */
export function sameTemplateAsOriginal(copy: object, original: unknown): void {
  const root = originalOf(original);
  if (isObject(root)) copiedFrom.set(copy, root);
  else comparableForms.set(copy, cachedComparable(root));
}

/** Whether two pod templates describe the same pods (EqualIgnoreHash, quantity-aware). */
export function sameTemplate(a: unknown, b: unknown): boolean {
  const rootA = originalOf(a);
  const rootB = originalOf(b);
  // The same template (or copies of it) compares equal: its comparable form is a function of it.
  return rootA === rootB || cachedComparable(rootA) === cachedComparable(rootB);
}
