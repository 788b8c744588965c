import type { KubeObject } from '../model/manifest.js';
import { isObject } from '../model/json.js';

/** Whether the object is a core Secret (whose `data` and `stringData` values are never shown). */
export function isSecret(object: KubeObject): boolean {
  return object.kind === 'Secret' && object.apiVersion === 'v1';
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * Puts a Secret's values in the form the API server stores: `stringData` is folded into `data`
 * (base64-encoded; a key in both wins from `stringData`), and `data` values are re-encoded
 * without the line breaks a YAML block scalar may add. A value that is not a string cannot be
 * stored (the API server rejects it) and stays where it is, still masked in output. Mutates
 * `object`, which the caller owns.
 */
export function canonicalizeSecretData(object: KubeObject): void {
  if (!isSecret(object)) return;
  if (isObject(object.data)) {
    for (const [key, value] of Object.entries(object.data)) {
      if (typeof value === 'string' && BASE64.test(value))
        object.data[key] = Buffer.from(value, 'base64').toString('base64');
    }
  }
  if (!isObject(object.stringData)) return;
  const data = isObject(object.data) ? object.data : {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object.stringData)) {
    if (typeof value === 'string') data[key] = Buffer.from(value, 'utf8').toString('base64');
    else rest[key] = value;
  }
  object.data = data;
  if (Object.keys(rest).length) object.stringData = rest;
  else delete object.stringData;
}

/**
 * A Secret key whose value is empty comes back from the API server as `null` (an empty byte
 * string is stored as none), while the manifest writes `""`: both are the key with an empty
 * value. Called before nulls are dropped, so that the key stays. Mutates `object`.
 */
export function keepEmptySecretValues(object: KubeObject): void {
  if (!isSecret(object) || !isObject(object.data)) return;
  for (const [key, value] of Object.entries(object.data)) if (value === null) object.data[key] = '';
}
