import { groupOf } from '../model/object-ref.js';
import type { JsonObject } from '../model/json.js';

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
