import type { KubeObject } from '../model/manifest.js';
import { groupKindOfObject } from '../model/group-kind.js';
import { canonicalQuantity, compareQuantities, parseQuantity } from '../model/quantity.js';
import {
  type QuantityVisit,
  visitPodSpecQuantities,
  visitQuantityMap,
  visitResourceQuantities,
} from '../model/pod-quantities.js';
import { templatePath } from '../model/pod-template.js';
import { asArray, asObject, dig, type JsonObject } from '../model/json.js';

/**
 * Rewrites every quantity-typed field in its canonical spelling, as the API server stores it
 * (`0.5` → `500m`, `1024Mi` → `1Gi`). A value that is not a quantity is left as written:
 * schema validation reports it. Mutates `object`, which the caller owns.
 */
export function canonicalizeQuantities(object: KubeObject): void {
  visitQuantities(object, undefined, canonicalizeRemembered);
}

/** Up to how many spellings are remembered; the cache starts over when full. */
const CACHE_LIMIT = 10_000;

/**
 * Canonical spellings by the value written (`0.5` → `500m`), or NOT_A_QUANTITY. The same few
 * values (`100m`, `128Mi`) fill every container of both sides, and parsing one takes exact
 * arithmetic on big integers.
 */
const canonical = new Map<string | number, string | typeof NOT_A_QUANTITY>();
const NOT_A_QUANTITY = Symbol('not a quantity');

/** model/pod-quantities.ts `canonicalizeQuantityAt`, remembering each value's spelling. */
function canonicalizeRemembered(parent: Record<string, unknown>, key: string): void {
  const value = parent[key];
  if (typeof value !== 'string' && typeof value !== 'number') return;
  let spelling = canonical.get(value);
  if (spelling === undefined) {
    const quantity = parseQuantity(value);
    spelling = quantity ? canonicalQuantity(quantity) : NOT_A_QUANTITY;
    if (canonical.size >= CACHE_LIMIT) canonical.clear();
    canonical.set(value, spelling);
  }
  if (spelling !== NOT_A_QUANTITY) parent[key] = spelling;
}

/**
 * Quantities compare by value: where the aligned current object holds the same amount as the
 * desired one in another spelling (`512M` and `500000Ki` are both 512,000,000 bytes), it takes
 * the desired spelling, so neither the comparison nor the text shows a change. Mutates
 * `current`, which the caller owns.
 */
export function equalizeQuantities(current: KubeObject, desired: KubeObject): void {
  visitQuantities(desired, current, (theirs, key, mine) => {
    if (!mine || !(key in mine)) return;
    const [a, b] = [parseQuantity(mine[key]), parseQuantity(theirs[key])];
    if (a && b && compareQuantities(a, b) === 0) mine[key] = theirs[key];
  });
}

/** The object at a key of a map or an index of a list. */
function child(parent: unknown, key: string | number): JsonObject | undefined {
  return asObject(dig(parent, String(key)));
}

function list(parent: unknown, key: string): readonly unknown[] {
  return asArray(dig(parent, key));
}

/**
 * The quantity-typed fields of an object: container and pod-level resources, pod overhead,
 * emptyDir size limits and ephemeral claims in pod specs; claims and claim templates; volume
 * capacity; quotas, limit ranges and autoscaler targets. `other` is walked alongside.
 */
function visitQuantities(object: KubeObject, other: KubeObject | undefined, visit: QuantityVisit): void {
  const kind = groupKindOfObject(object);
  const path = templatePath(kind);
  if (path) {
    const podSpec = asObject(dig(object, ...path, 'spec'));
    if (podSpec) visitPodSpecQuantities(podSpec, asObject(dig(other, ...path, 'spec')), visit);
  }
  const spec = child(object, 'spec');
  const otherSpec = child(other, 'spec');
  switch (kind) {
    case 'PersistentVolumeClaim':
      visitResourceQuantities(child(spec, 'resources'), child(otherSpec, 'resources'), visit);
      break;
    case 'StatefulSet.apps':
      list(spec, 'volumeClaimTemplates').forEach((_, i) => {
        const claim = child(list(spec, 'volumeClaimTemplates'), i);
        const theirs = child(list(otherSpec, 'volumeClaimTemplates'), i);
        visitResourceQuantities(
          child(child(claim, 'spec'), 'resources'),
          child(child(theirs, 'spec'), 'resources'),
          visit,
        );
      });
      break;
    case 'PersistentVolume':
      visitQuantityMap(child(spec, 'capacity'), child(otherSpec, 'capacity'), visit);
      break;
    case 'ResourceQuota':
      visitQuantityMap(child(spec, 'hard'), child(otherSpec, 'hard'), visit);
      break;
    case 'LimitRange':
      list(spec, 'limits').forEach((_, i) => {
        const [limit, theirs] = [child(list(spec, 'limits'), i), child(list(otherSpec, 'limits'), i)];
        for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'])
          visitQuantityMap(child(limit, key), child(theirs, key), visit);
      });
      break;
    case 'HorizontalPodAutoscaler.autoscaling':
      list(spec, 'metrics').forEach((_, i) => {
        const [metric, theirs] = [child(list(spec, 'metrics'), i), child(list(otherSpec, 'metrics'), i)];
        for (const source of ['resource', 'containerResource', 'pods', 'object', 'external']) {
          const target = child(child(metric, source), 'target');
          const otherTarget = child(child(theirs, source), 'target');
          if (target) for (const key of ['value', 'averageValue']) if (key in target) visit(target, key, otherTarget);
        }
      });
      break;
  }
}
