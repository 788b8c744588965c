import { isObject, type JsonObject } from '../../model/json.js';
import type { KubeObject } from '../../model/manifest.js';
import { appendPointer } from '../../model/json-pointer.js';
import { type GoType, goType, hasStrategy, rootTypeOf } from './api-types.js';

/** A list item kubectl apply's update drops: its merge key repeats an earlier item's. */
export interface LostItem {
  /** The item, and the list it is in. */
  pointer: string;
  list: string;
  mergeKey: string;
  value: unknown;
}

/**
 * The items of merge-keyed lists of a built-in object that repeat an earlier item's merge key
 * (`port: 53` over TCP, then over UDP): kubectl apply's patch of an existing object merges them
 * into the first, so the later ones never reach the cluster. Creating the object keeps them all.
 */
export function duplicateMergeKeys(object: KubeObject): LostItem[] {
  const type = goType(rootTypeOf(String(object.apiVersion), String(object.kind)));
  const lost: LostItem[] = [];
  if (type) walk(object, type, '', lost);
  return lost;
}

function walk(object: JsonObject, type: GoType, pointer: string, lost: LostItem[]): void {
  for (const key in object) {
    const value = object[key];
    const field = type[key];
    const fieldType = goType(field?.type);
    const at = appendPointer(pointer, key);
    if (Array.isArray(value)) {
      const mergeKey = hasStrategy(field, 'merge') ? field?.mergeKey : undefined;
      if (mergeKey) {
        const seen = new Set<string>();
        value.forEach((item, i) => {
          if (!isObject(item) || item[mergeKey] === undefined) return;
          const id = JSON.stringify(item[mergeKey]);
          if (seen.has(id)) lost.push({ pointer: appendPointer(at, i), list: at, mergeKey, value: item[mergeKey] });
          seen.add(id);
        });
      }
      if (fieldType)
        value.forEach((item, i) => {
          if (isObject(item)) walk(item, fieldType, appendPointer(at, i), lost);
        });
    } else if (isObject(value) && fieldType && !field?.map) {
      walk(value, fieldType, at, lost);
    }
  }
}
