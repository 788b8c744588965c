import { appendPointer } from '../model/json-pointer.js';
import { deepEqual, isObject } from '../model/json.js';

/**
 * The pointer to the first place, in the desired object's key order, where two values differ:
 * the changed leaf when there is one, so that a finding lands on the line that changed. A key
 * the desired side lacks still gets its pointer; `findingAt` then falls back to its parent.
 */
export function firstDifference(current: unknown, desired: unknown, pointer: string): string {
  if (isObject(current) && isObject(desired)) {
    const keys = [...Object.keys(desired), ...Object.keys(current).filter((k) => !Object.hasOwn(desired, k))];
    const key = keys.find((k) => !deepEqual(current[k], desired[k]));
    return key === undefined ? pointer : firstDifference(current[key], desired[key], appendPointer(pointer, key));
  }
  if (Array.isArray(current) && Array.isArray(desired) && current.length === desired.length) {
    const index = desired.findIndex((item, i) => !deepEqual(current[i], item));
    return index < 0 ? pointer : firstDifference(current[index], desired[index], appendPointer(pointer, index));
  }
  return pointer;
}
