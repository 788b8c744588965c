import type { KubeObject } from '../model/manifest.js';
import { isSecret } from './secret-data.js';
import { deepEqual, isObject } from '../model/json.js';

const MASK = '***';
const MASK_BEFORE = '*** (before)';
const MASK_AFTER = '*** (after)';

/** The Secret fields whose values are masked. */
const SECRET_VALUE_FIELDS = ['data', 'stringData'];

/**
 * Copies of both sides of a Secret with every value replaced by a marker, so that no output
 * (text, patch, markdown) can carry a value, not even base64: an unchanged value becomes `***`,
 * a changed one `*** (before)` / `*** (after)`, a removed one `*** (before)` and an added one
 * `*** (after)`. Markers differ exactly where values differ, so a patch or a line diff computed
 * from the masked copies shows every change and nothing else. Other objects come back as given.
 */
export function maskSecretPair(
  current: KubeObject | undefined,
  desired: KubeObject | undefined,
): [KubeObject | undefined, KubeObject | undefined] {
  if (!(current && isSecret(current)) && !(desired && isSecret(desired))) return [current, desired];
  const before = current && { ...current };
  const after = desired && { ...desired };
  for (const field of SECRET_VALUE_FIELDS) {
    const a = before && isObject(before[field]) ? (before[field] as Record<string, unknown>) : undefined;
    const b = after && isObject(after[field]) ? (after[field] as Record<string, unknown>) : undefined;
    if (before && before[field] !== undefined) before[field] = maskValues(before[field], b, MASK_BEFORE);
    if (after && after[field] !== undefined) after[field] = maskValues(after[field], a, MASK_AFTER);
  }
  return [before, after];
}

/** Each value of `values` as `***` when `other` has the same value under that key, else as `marker`. */
function maskValues(values: unknown, other: Record<string, unknown> | undefined, marker: string): unknown {
  if (!isObject(values)) return marker;
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    masked[key] = other && key in other && deepEqual(other[key], value) ? MASK : marker;
  }
  return masked;
}
