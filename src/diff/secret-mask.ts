import { plainTextSecretsOf } from '../lint/secret-env-values.js';
import { valueAt, withValueAt } from '../model/json-pointer.js';
import { deepEqual, isObject } from '../model/json.js';
import type { KubeObject } from '../model/manifest.js';
import { podTemplateOf } from '../model/pod-template.js';

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
 * from the masked copies shows every change and nothing else. Workloads get the same treatment
 * for their plain-text secret env values; other objects come back as given.
 */
export function maskSecretPair(
  current: KubeObject | undefined,
  desired: KubeObject | undefined,
): [KubeObject | undefined, KubeObject | undefined] {
  if (!(current && isSecretKind(current)) && !(desired && isSecretKind(desired)))
    return maskEnvSecretPair(current, desired);
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

/**
 * Every `kind: Secret` is masked, whatever its apiVersion: a misspelled one (`V1`, `core/v1`)
 * is refused by the API server, but its values are still secrets and the diff still prints it.
 */
function isSecretKind(object: KubeObject): boolean {
  return object.kind === 'Secret';
}

/**
 * Both sides of a workload with the env values that the rule secret-in-env-value calls
 * secrets replaced by markers, as Secret values are: the same value under the same container
 * and variable on both sides is `***`, else `*** (before)` / `*** (after)`.
 */
function maskEnvSecretPair(
  current: KubeObject | undefined,
  desired: KubeObject | undefined,
): [KubeObject | undefined, KubeObject | undefined] {
  const before = plainEnvSecrets(current);
  const after = plainEnvSecrets(desired);
  if (!before.size && !after.size) return [current, desired];
  return [maskEnv(current, before, after, MASK_BEFORE), maskEnv(desired, after, before, MASK_AFTER)];
}

/** The flagged env values of an object's pod template, by container and variable: pointer and value. */
function plainEnvSecrets(object: KubeObject | undefined): Map<string, { pointer: string; value: unknown }> {
  const found = new Map<string, { pointer: string; value: unknown }>();
  const template = object && podTemplateOf(object);
  if (!template) return found;
  for (const secret of plainTextSecretsOf(template)) {
    // The list (containers, initContainers) is the pointer's part before the index.
    const list = secret.container.pointer.replace(/\/\d+$/, '');
    const key = JSON.stringify([list, secret.container.container.name, secret.name]);
    found.set(key, { pointer: secret.pointer, value: valueAt(object, secret.pointer) });
  }
  return found;
}

function maskEnv(
  object: KubeObject | undefined,
  own: Map<string, { pointer: string; value: unknown }>,
  other: Map<string, { pointer: string; value: unknown }>,
  marker: string,
): KubeObject | undefined {
  let masked = object;
  for (const [key, { pointer, value }] of own) {
    const same = other.has(key) && deepEqual(other.get(key)!.value, value);
    masked = withValueAt(masked, pointer, same ? MASK : marker);
  }
  return masked;
}

/** Each value of `values` as `***` when `other` has the same value under that key, else as `marker`. */
function maskValues(values: unknown, other: Record<string, unknown> | undefined, marker: string): unknown {
  if (!isObject(values)) return marker;
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    masked[key] = other && Object.hasOwn(other, key) && deepEqual(other[key], value) ? MASK : marker;
  }
  return masked;
}
