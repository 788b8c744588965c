import { plainTextSecretsOf } from '../lint/secret-env-values.js';
import type { KubeObject } from '../model/manifest.js';
import { withValueAt } from '../model/json-pointer.js';
import { podTemplateOf } from '../model/pod-template.js';

/** Shown instead of every secret value. */
export const MASK = '***';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A Secret's `data` and `stringData` as `***`: a map keeps its keys (sorted), anything else is one mask. */
function maskSecretValues(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const masked: KubeObject = { ...object };
  for (const key of ['data', 'stringData']) {
    const values = masked[key];
    if (values && typeof values === 'object' && !Array.isArray(values))
      masked[key] = Object.fromEntries(
        Object.keys(values)
          .sort()
          .map((k) => [k, MASK]),
      );
    else if (values !== undefined) masked[key] = MASK;
  }
  return masked;
}

/**
 * The metadata kubectl and the API server keep about applies, which the plan does not need:
 * `managedFields`, and the last-applied annotation, a JSON copy of the whole manifest with
 * every inline value in it (a Secret's data, an env value holding a password).
 */
function withoutApplyRecords(object: KubeObject): KubeObject {
  const metadata = object.metadata;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return object;
  const meta = metadata as Record<string, unknown>;
  const annotations = meta.annotations;
  const hasLastApplied =
    annotations !== null && typeof annotations === 'object' && Object.hasOwn(annotations, LAST_APPLIED);
  if (!Object.hasOwn(meta, 'managedFields') && !hasLastApplied) return object;
  const { managedFields: _managed, ...rest } = meta;
  if (hasLastApplied) {
    const { [LAST_APPLIED]: _lastApplied, ...others } = annotations as Record<string, unknown>;
    if (Object.keys(others).length) rest.annotations = others;
    else delete rest.annotations;
  }
  return { ...object, metadata: rest };
}

/** The inline env values that the rule secret-in-env-value reports, as `***`. */
function maskSecretEnvValues(object: KubeObject): KubeObject {
  const template = podTemplateOf(object);
  if (!template) return object;
  let masked = object;
  for (const found of plainTextSecretsOf(template)) masked = withValueAt(masked, found.pointer, MASK);
  return masked;
}

/**
 * An object as the plan's output shows it: no Secret value, no env value that the rule
 * secret-in-env-value calls a secret (its default name pattern), and no record of applies.
 * The object given is never changed; what is not masked is shared with it.
 */
export function redactForPlan(object: KubeObject): KubeObject {
  return maskSecretEnvValues(withoutApplyRecords(maskSecretValues(object)));
}
