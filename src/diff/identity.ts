import type { KubeObject } from '../model/manifest.js';
import { compareText } from '../model/compare-text.js';
import { groupOf, type ObjectRef } from '../model/object-ref.js';
import { isObject } from '../model/json.js';

/** The identity of a (normalized) object: its apiVersion, kind, namespace and name. */
export function refOfObject(object: KubeObject): ObjectRef {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const ref: ObjectRef = {
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    name: typeof metadata.name === 'string' ? metadata.name : '',
  };
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') ref.namespace = metadata.namespace;
  return ref;
}

/**
 * The order of every diff output: by API group, kind, namespace and name (the version is not
 * part of an identity, so `autoscaling/v1` and `autoscaling/v2` of one object are the same).
 */
export function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return (
    compareText(groupOf(a.apiVersion), groupOf(b.apiVersion)) ||
    compareText(a.kind, b.kind) ||
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.name, b.name)
  );
}

export { compareText } from '../model/compare-text.js';
