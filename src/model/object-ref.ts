import { asString, objectAt } from './json.js';
import type { KubeObject } from './manifest.js';

/** The identity of a Kubernetes object: group + kind + namespace + name (the version is not part of it). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  /**
   * The `metadata.generateName` of an object that has no name yet (the API server makes one when
   * it creates the object), for messages only: it is not part of the identity.
   */
  generateName?: string;
}

/**
 * The identity of an object, by the one rule load, lint, simulate and diff share:
 * - `apiVersion` and `kind` are the fields when they are strings, else `` (loading reports such
 *   an object and leaves it out, so only stray objects of the cluster side get here);
 * - `name` is `metadata.name` when it is a string, else ``: an object known only by
 *   `generateName` has no name until the API server creates it, and a name that is not a string
 *   (`name: 123`) is refused by the API server. Such an object matches no other one; checks
 *   that compare objects by name skip a name of ``;
 * - `namespace` is `metadata.namespace` when it is a non-empty string, else absent (the object
 *   goes to the namespace it is applied in, or is cluster-scoped).
 */
export function refOf(object: KubeObject): ObjectRef {
  const ref: ObjectRef = {
    apiVersion: asString(object.apiVersion) ?? '',
    kind: asString(object.kind) ?? '',
    name: nameOf(object),
  };
  const namespace = namespaceOf(object);
  if (namespace !== '') ref.namespace = namespace;
  const generateName = asString(objectAt(object, 'metadata')?.generateName);
  if (ref.name === '' && generateName) ref.generateName = generateName;
  return ref;
}

/** `metadata.name` when it is a string, else `` (see refOf). */
export function nameOf(object: KubeObject): string {
  return asString(objectAt(object, 'metadata')?.name) ?? '';
}

/** `metadata.namespace` when it is a string, else `` (see refOf). */
export function namespaceOf(object: KubeObject): string {
  return asString(objectAt(object, 'metadata')?.namespace) ?? '';
}

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  // Stryker disable next-line EqualityOperator: a slash at 0 gives `` either way (slice(0, 0))
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `apps/v1` → `v1`. */
export function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.indexOf('/') + 1);
}

/** A string key that is equal for two refs exactly when they name the same object. */
export function identityKey(ref: ObjectRef): string {
  return keyOf(ref.apiVersion, ref.kind, ref.namespace ?? '', ref.name);
}

/** `identityKey` of the ref with these fields (`` for no namespace), for callers that have no ref object. */
export function keyOf(apiVersion: string, kind: string, namespace: string, name: string): string {
  return `${groupOf(apiVersion)}|${kind}|${namespace}|${name}`;
}

/**
 * `identityKey(refOf(object))` without building the ref: the simulation and the diff key every
 * object they index by it, several times per object.
 */
export function objectKey(object: KubeObject): string {
  const metadata = objectAt(object, 'metadata');
  return keyOf(
    asString(object.apiVersion) ?? '',
    asString(object.kind) ?? '',
    asString(metadata?.namespace) ?? '',
    asString(metadata?.name) ?? '',
  );
}

/**
 * `Deployment shop/web`, `ClusterRole admin`: how people name objects in messages. An object
 * with no name yet shows its `generateName` and a star (`Job shop/migrate-*`).
 */
export function describeRef(ref: Pick<ObjectRef, 'kind' | 'namespace' | 'name' | 'generateName'>): string {
  const name = ref.name === '' && ref.generateName ? `${ref.generateName}*` : ref.name;
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${name}`;
}
