import { groupOf } from '../model/object-ref.js';
import { isObject, type JsonObject } from './json.js';

/**
 * Where each kind keeps its pod template, as object keys from the root (`[]` for a Pod, whose
 * root is the template). Kinds not listed have no pods.
 */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  '/Pod': [],
  '/PodTemplate': ['template'],
  '/ReplicationController': ['spec', 'template'],
  'apps/Deployment': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The path from the root to the pod template (`metadata` + `spec`), or undefined for kinds without pods. */
export function templatePath(object: JsonObject): readonly string[] | undefined {
  return TEMPLATE_PATHS[`${groupOf(String(object.apiVersion))}/${String(object.kind)}`];
}

/** The pod spec of an object (`spec` of its template), when it has one and it is an object. */
export function podSpecOf(object: JsonObject): JsonObject | undefined {
  const path = templatePath(object);
  if (!path) return undefined;
  let node: unknown = object;
  for (const key of [...path, 'spec']) node = isObject(node) ? node[key] : undefined;
  return isObject(node) ? node : undefined;
}

/** The containers of a pod spec: regular, init and ephemeral, skipping items that are not objects. */
export function containersOf(podSpec: JsonObject): JsonObject[] {
  const all: JsonObject[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = podSpec[key];
    if (Array.isArray(list)) all.push(...list.filter(isObject));
  }
  return all;
}
