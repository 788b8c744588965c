import type { KubeObject } from '../model/manifest.js';
import { copyJson } from '../model/copy-json.js';
import { type ClusterScopedCustomKinds, placeInNamespace } from '../model/namespace-scope.js';
import { applyDefaults, hasDefaults } from '../simulate/defaults/index.js';
import { ignoredPointers, removeIgnored, type IgnoreRule } from './ignore-rules.js';
import { canonicalizeQuantities } from './quantities.js';
import { canonicalizeSecretData, keepEmptySecretValues } from './secret-data.js';
import { dropServerFields, hasTopServerFields, withoutTopServerFields } from './server-fields.js';
import { dropUnstoredFields } from './empty-fields.js';
import { isObject } from '../model/json.js';
import { refOf } from '../model/object-ref.js';

export interface NormalizeOptions {
  /** The namespace of namespaced objects that set none (`--namespace`; default `default`). */
  namespace?: string;
  /** Custom kinds without namespaces, from the CustomResourceDefinitions of both sides. */
  clusterScoped?: ClusterScopedCustomKinds;
  ignore?: readonly IgnoreRule[];
}

/**
 * One side's object as the diff compares it, the same way for both sides: fields unknown to a
 * built-in kind and `null` fields removed, API defaults applied, server-managed fields dropped,
 * empty values that mean no value removed (empty-fields.ts), an aggregated ClusterRole's rules
 * left to its controller, Secret values in stored form, quantities canonical, the namespace made explicit (and removed
 * from cluster-scoped kinds), then the user's ignored fields removed. Returns a new object; the
 * input is not modified.
 */
export function normalizeObject(object: KubeObject, options: NormalizeOptions = {}): KubeObject {
  // One deep copy, without the server's bulk; the defaulters read only known fields and take
  // null for unset, so unknown fields and nulls can go after defaulting.
  const slim = hasTopServerFields(object) ? withoutTopServerFields(object) : object;
  const defaulted = hasDefaults(slim) ? applyDefaults(slim) : copyJson(slim);
  dropServerFields(defaulted);
  // Before the nulls go: a Secret value the server returns as null is the key with no value.
  keepEmptySecretValues(defaulted);
  dropUnstoredFields(defaulted);
  dropAggregatedRules(defaulted);
  canonicalizeSecretData(defaulted);
  canonicalizeQuantities(defaulted);
  setNamespace(defaulted, options);
  if (options.ignore?.length) removeIgnored(defaulted, ignoredPointers(options.ignore, refOf(defaulted)));
  return defaulted;
}

/** An aggregated ClusterRole's rules are written by the controller from its aggregationRule, not by the manifest. */
function dropAggregatedRules(object: KubeObject): void {
  if (object.kind === 'ClusterRole' && isObject(object.aggregationRule)) delete object.rules;
}

function setNamespace(object: KubeObject, options: NormalizeOptions): void {
  if (!isObject(object.metadata)) object.metadata = {};
  placeInNamespace(object.metadata as Record<string, unknown>, object, options.clusterScoped, options.namespace);
}
