import type { KubeObject } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { canonicalQuantity, compareQuantities, parseQuantity } from '../model/quantity.js';
import { isObject, type JsonObject } from './json.js';
import { templatePath } from './pod-specs.js';

type Path = ReadonlyArray<string | number>;

/**
 * Rewrites every quantity-typed field in its canonical spelling, as the API server stores it
 * (`0.5` → `500m`, `1024Mi` → `1Gi`). A value that is not a quantity is left as written:
 * schema validation reports it. Mutates `object`, which the caller owns.
 */
export function canonicalizeQuantities(object: KubeObject): void {
  for (const path of quantityPaths(object)) {
    const [parent, key] = slot(object, path);
    const quantity = parent && parseQuantity(parent[key]);
    if (parent && quantity) parent[key] = canonicalQuantity(quantity);
  }
}

/**
 * Quantities compare by value: where the aligned current object holds the same amount as the
 * desired one in another spelling (`512M` and `500000Ki` are both 512,000,000 bytes), it takes
 * the desired spelling, so neither the comparison nor the text shows a change. Mutates
 * `current`, which the caller owns.
 */
export function equalizeQuantities(current: KubeObject, desired: KubeObject): void {
  for (const path of quantityPaths(desired)) {
    const [mine, key] = slot(current, path);
    const [theirs] = slot(desired, path);
    if (!mine || !theirs) continue;
    const [a, b] = [parseQuantity(mine[key]), parseQuantity(theirs[key])];
    if (a && b && compareQuantities(a, b) === 0) mine[key] = theirs[key];
  }
}

/** The object holding the field at `path` and the field's key, when every step exists. */
function slot(root: unknown, path: Path): [JsonObject | undefined, string] {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    node = Array.isArray(node) ? node[segment as number] : isObject(node) ? node[segment] : undefined;
  }
  return [isObject(node) ? node : undefined, String(path[path.length - 1])];
}

/**
 * Where an object has quantity-typed fields: container and pod-level resources, pod overhead,
 * emptyDir size limits and ephemeral claims in pod specs; claims and claim templates; volume
 * capacity; quota, limit ranges and autoscaler targets.
 */
function quantityPaths(object: KubeObject): Path[] {
  const out: Path[] = [];
  const template = templatePath(object);
  if (template) podSpecPaths(object, [...template, 'spec'], out);
  const spec = isObject(object.spec) ? object.spec : {};
  switch (`${groupOf(String(object.apiVersion))}/${String(object.kind)}`) {
    case '/PersistentVolumeClaim':
      resourcePaths(spec.resources, ['spec', 'resources'], out);
      break;
    case 'apps/StatefulSet':
      eachItem(spec.volumeClaimTemplates, (claim, i) => {
        if (isObject(claim.spec)) resourcePaths(claim.spec.resources, ['spec', 'volumeClaimTemplates', i, 'spec', 'resources'], out);
      });
      break;
    case '/PersistentVolume':
      mapPaths(spec.capacity, ['spec', 'capacity'], out);
      break;
    case '/ResourceQuota':
      mapPaths(spec.hard, ['spec', 'hard'], out);
      break;
    case '/LimitRange':
      eachItem(spec.limits, (limit, i) => {
        for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) mapPaths(limit[key], ['spec', 'limits', i, key], out);
      });
      break;
    case 'autoscaling/HorizontalPodAutoscaler':
      eachItem(spec.metrics, (metric, i) => {
        for (const source of ['resource', 'containerResource', 'pods', 'object', 'external']) {
          const target = isObject(metric[source]) ? (metric[source] as JsonObject).target : undefined;
          if (isObject(target)) for (const key of ['value', 'averageValue']) if (key in target) out.push(['spec', 'metrics', i, source, 'target', key]);
        }
      });
      break;
  }
  return out;
}

function podSpecPaths(object: KubeObject, base: Path, out: Path[]): void {
  const [parent, key] = slot(object, base);
  const podSpec = parent?.[key];
  if (!isObject(podSpec)) return;
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    eachItem(podSpec[list], (container, i) => resourcePaths(container.resources, [...base, list, i, 'resources'], out));
  }
  resourcePaths(podSpec.resources, [...base, 'resources'], out);
  mapPaths(podSpec.overhead, [...base, 'overhead'], out);
  eachItem(podSpec.volumes, (volume, i) => {
    if (isObject(volume.emptyDir) && 'sizeLimit' in volume.emptyDir) out.push([...base, 'volumes', i, 'emptyDir', 'sizeLimit']);
    const claim = isObject(volume.ephemeral) ? volume.ephemeral.volumeClaimTemplate : undefined;
    if (isObject(claim) && isObject(claim.spec)) {
      resourcePaths(claim.spec.resources, [...base, 'volumes', i, 'ephemeral', 'volumeClaimTemplate', 'spec', 'resources'], out);
    }
  });
}

function resourcePaths(resources: unknown, base: Path, out: Path[]): void {
  if (!isObject(resources)) return;
  mapPaths(resources.requests, [...base, 'requests'], out);
  mapPaths(resources.limits, [...base, 'limits'], out);
}

function mapPaths(map: unknown, base: Path, out: Path[]): void {
  if (isObject(map)) for (const key of Object.keys(map)) out.push([...base, key]);
}

function eachItem(list: unknown, visit: (item: JsonObject, index: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => isObject(item) && visit(item, i));
}
