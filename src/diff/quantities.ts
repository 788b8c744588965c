import type { KubeObject } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { canonicalQuantity, compareQuantities, parseQuantity } from '../model/quantity.js';
import { templatePath } from './pod-specs.js';
import { asArray, asObject, dig, isObject, type JsonObject } from '../model/json.js';

/**
 * Called for each quantity-typed field of `mine` (its parent and key), with the object at the
 * same place in `theirs` when it has one.
 */
type Visit = (mine: JsonObject, key: string, theirs: JsonObject | undefined) => void;

/**
 * Rewrites every quantity-typed field in its canonical spelling, as the API server stores it
 * (`0.5` → `500m`, `1024Mi` → `1Gi`). A value that is not a quantity is left as written:
 * schema validation reports it. Mutates `object`, which the caller owns.
 */
export function canonicalizeQuantities(object: KubeObject): void {
  visitQuantities(object, undefined, (parent, key) => {
    const quantity = parseQuantity(parent[key]);
    if (quantity) parent[key] = canonicalQuantity(quantity);
  });
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

/** Each field of a map of quantities (`requests`, `hard`, `capacity`). */
function visitMap(map: JsonObject | undefined, other: JsonObject | undefined, visit: Visit): void {
  if (map) for (const key of Object.keys(map)) visit(map, key, other);
}

function visitResources(resources: JsonObject | undefined, other: JsonObject | undefined, visit: Visit): void {
  if (!resources) return;
  visitMap(child(resources, 'requests'), child(other, 'requests'), visit);
  visitMap(child(resources, 'limits'), child(other, 'limits'), visit);
}

/**
 * The quantity-typed fields of an object: container and pod-level resources, pod overhead,
 * emptyDir size limits and ephemeral claims in pod specs; claims and claim templates; volume
 * capacity; quotas, limit ranges and autoscaler targets. `other` is walked alongside.
 */
function visitQuantities(object: KubeObject, other: KubeObject | undefined, visit: Visit): void {
  const path = templatePath(object);
  if (path) {
    let spec: unknown = object;
    let otherSpec: unknown = other;
    for (const key of [...path, 'spec']) [spec, otherSpec] = [child(spec, key), child(otherSpec, key)];
    if (isObject(spec)) visitPodSpec(spec, isObject(otherSpec) ? otherSpec : undefined, visit);
  }
  const spec = child(object, 'spec');
  const otherSpec = child(other, 'spec');
  switch (`${groupOf(String(object.apiVersion))}/${String(object.kind)}`) {
    case '/PersistentVolumeClaim':
      visitResources(child(spec, 'resources'), child(otherSpec, 'resources'), visit);
      break;
    case 'apps/StatefulSet':
      list(spec, 'volumeClaimTemplates').forEach((_, i) => {
        const claim = child(list(spec, 'volumeClaimTemplates'), i);
        const theirs = child(list(otherSpec, 'volumeClaimTemplates'), i);
        visitResources(child(child(claim, 'spec'), 'resources'), child(child(theirs, 'spec'), 'resources'), visit);
      });
      break;
    case '/PersistentVolume':
      visitMap(child(spec, 'capacity'), child(otherSpec, 'capacity'), visit);
      break;
    case '/ResourceQuota':
      visitMap(child(spec, 'hard'), child(otherSpec, 'hard'), visit);
      break;
    case '/LimitRange':
      list(spec, 'limits').forEach((_, i) => {
        const [limit, theirs] = [child(list(spec, 'limits'), i), child(list(otherSpec, 'limits'), i)];
        for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'])
          visitMap(child(limit, key), child(theirs, key), visit);
      });
      break;
    case 'autoscaling/HorizontalPodAutoscaler':
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

function visitPodSpec(podSpec: JsonObject, other: JsonObject | undefined, visit: Visit): void {
  for (const containers of ['initContainers', 'containers', 'ephemeralContainers']) {
    list(podSpec, containers).forEach((_, i) => {
      visitResources(
        child(child(list(podSpec, containers), i), 'resources'),
        child(child(list(other, containers), i), 'resources'),
        visit,
      );
    });
  }
  visitResources(child(podSpec, 'resources'), child(other, 'resources'), visit);
  visitMap(child(podSpec, 'overhead'), child(other, 'overhead'), visit);
  list(podSpec, 'volumes').forEach((_, i) => {
    const [volume, theirs] = [child(list(podSpec, 'volumes'), i), child(list(other, 'volumes'), i)];
    const emptyDir = child(volume, 'emptyDir');
    if (emptyDir && 'sizeLimit' in emptyDir) visit(emptyDir, 'sizeLimit', child(theirs, 'emptyDir'));
    const claim = child(child(volume, 'ephemeral'), 'volumeClaimTemplate');
    const otherClaim = child(child(theirs, 'ephemeral'), 'volumeClaimTemplate');
    visitResources(child(child(claim, 'spec'), 'resources'), child(child(otherClaim, 'spec'), 'resources'), visit);
  });
}
