import { compareText } from '../model/compare-text.js';
import { groupOf, type ObjectRef } from '../model/object-ref.js';

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
