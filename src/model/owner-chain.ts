/**
 * Which object controls which: the controller owner reference (metav1.GetControllerOf: the
 * first entry of `metadata.ownerReferences` with `controller: true`) and the chain of them up to
 * the workload a person wrote (a pod → its ReplicaSet → the Deployment; a pod → its Job → the
 * CronJob). Findings about a pod name the top of its chain; "the pods of a workload" are those
 * whose chain passes through it.
 */
import { groupOf } from './object-ref.js';
import { asObject, asString, isObject, type JsonObject, objectAt } from './json.js';

export interface ControllerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/** The raw controller entry of `metadata.ownerReferences`, read without copying (the state indexes every object by it). */
function controllerEntry(object: unknown): JsonObject | undefined {
  const refs = objectAt(object, 'metadata')?.ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  for (const ref of refs) if (isObject(ref) && ref.controller === true) return ref;
  return undefined;
}

/** The object's controller reference; fields that are not strings read as ``. */
export function controllerRefOf(object: unknown): ControllerRef | undefined {
  const ref = controllerEntry(object);
  if (!ref) return undefined;
  return {
    apiVersion: asString(ref.apiVersion) ?? '',
    kind: asString(ref.kind) ?? '',
    name: asString(ref.name) ?? '',
    uid: asString(ref.uid) ?? '',
  };
}

/** The uid in the object's controller reference, or `` when it has none. */
export function controllerUidOf(object: unknown): string {
  return asString(controllerEntry(object)?.uid) ?? '';
}

/**
 * Whether `owner` is the object `ref` points at: the same uid (a reference always carries one),
 * kind, name and API group. A uid alone would accept a stale reference to a recreated object of
 * another kind; coordinates alone would accept a new object that took an old one's name.
 */
export function isReferencedBy(ref: ControllerRef, owner: unknown): boolean {
  const object = asObject(owner) ?? {};
  const metadata = objectAt(object, 'metadata') ?? {};
  return (
    ref.uid !== '' &&
    metadata.uid === ref.uid &&
    metadata.name === ref.name &&
    object.kind === ref.kind &&
    // Stryker disable next-line StringLiteral: any text without a slash is the core group, as `` is
    groupOf(asString(object.apiVersion) ?? '') === groupOf(ref.apiVersion)
  );
}

/**
 * The controllers above `start`, nearest first. `find` looks up the object a controller reference
 * names (by uid, or by kind and name in the namespace of the object holding the reference) and
 * `objectOf` reads the Kubernetes object of whatever the caller indexes (objects themselves by
 * default). The walk stops at an object without a controller, at a reference that resolves to
 * nothing or to the wrong object, and at a cycle (which the API server does not prevent).
 */
export function controllerChain<T>(
  start: T,
  find: (ref: ControllerRef, holder: T) => T | undefined,
  objectOf: (item: T) => unknown = (item) => item,
): T[] {
  const chain: T[] = [];
  let current = start;
  for (;;) {
    const ref = controllerRefOf(objectOf(current));
    const owner = ref ? find(ref, current) : undefined;
    // A cycle comes back to the start or to an owner already in the chain. Chains are a few
    // objects long, so looking through the chain costs less than a set for every walk.
    if (owner === undefined || owner === start || chain.includes(owner) || !isReferencedBy(ref!, objectOf(owner)))
      return chain;
    chain.push(owner);
    current = owner;
  }
}

/** The top of the controller chain (the Deployment of a ReplicaSet's pod), or `start` itself. */
export function topController<T>(
  start: T,
  find: (ref: ControllerRef, holder: T) => T | undefined,
  objectOf: (item: T) => unknown = (item) => item,
): T {
  return controllerChain(start, find, objectOf).at(-1) ?? start;
}

/**
 * `topController` for many objects whose chains share their upper part (the pods of one
 * ReplicaSet): the chain above each first controller is walked once, not once per object. Exact:
 * the walk from an object is its controller followed by the walk from that controller, except
 * where the latter comes back to the object itself, which only a cycle through the object does;
 * such an object is walked on its own. Valid while the objects and `find` do not change.
 */
export function topControllerLookup<T>(
  find: (ref: ControllerRef, holder: T) => T | undefined,
  objectOf: (item: T) => unknown = (item) => item,
): (start: T) => T {
  const chains = new Map<T, T[]>();
  return (start) => {
    const ref = controllerRefOf(objectOf(start));
    const owner = ref ? find(ref, start) : undefined;
    if (owner === undefined || owner === start || !isReferencedBy(ref!, objectOf(owner))) return start;
    let above = chains.get(owner);
    if (above === undefined) {
      above = controllerChain(owner, find, objectOf);
      chains.set(owner, above);
    }
    if (above.includes(start)) return topController(start, find, objectOf);
    return above.at(-1) ?? owner;
  };
}
