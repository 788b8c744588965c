import { defaultString } from './fields.js';
import { copyJson } from '../../model/copy-json.js';
import { type JsonObject, objectsAt } from '../../model/json.js';

/**
 * What the default admission plugins add to a Pod when it is created. These are not defaults:
 * they happen to pods only (never to templates), and only on the cluster's side. `kubeplan plan`
 * applies them to the pods it creates, because they change what the scheduler sees; the diff
 * compares manifests and leaves them out. Pure: returns a new pod spec.
 *
 * - ServiceAccount (`plugin/pkg/admission/serviceaccount`): `serviceAccountName: default`, also
 *   mirrored into the deprecated `serviceAccount` field. The token volume it mounts has a random
 *   name and no effect on placement, so kubeplan does not add it.
 * - DefaultTolerationSeconds (`plugin/pkg/admission/defaulttolerationseconds`): tolerations of
 *   `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` (NoExecute, 300 s)
 *   unless the pod already tolerates that taint.
 * - Priority (spec.priority from the PriorityClass) is resolved by the priority step of the
 *   controllers, which knows the PriorityClasses of the input.
 */
export function applyPodAdmission(spec: JsonObject): JsonObject {
  const result = copyJson(spec);
  admitInPlace(result);
  return result;
}

/** `applyPodAdmission` on a pod spec the caller owns, changed where it is. */
export function admitInPlace(spec: JsonObject): void {
  defaultString(spec, 'serviceAccountName', 'default');
  defaultString(spec, 'serviceAccount', String(spec.serviceAccountName));
  addDefaultTolerations(spec);
}

/** Seconds a pod stays bound to a node that became not-ready or unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function addDefaultTolerations(spec: JsonObject): void {
  if (spec.tolerations !== undefined && spec.tolerations !== null && !Array.isArray(spec.tolerations)) return;
  const existing = objectsAt(spec, 'tolerations');
  // An empty key tolerates every key, an empty effect every effect.
  const tolerates = (taintKey: string): boolean =>
    existing.some(
      (t) =>
        (t.key === taintKey || t.key === undefined || t.key === '') &&
        (t.effect === 'NoExecute' || t.effect === undefined || t.effect === ''),
    );
  const added: JsonObject[] = [];
  for (const taintKey of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(taintKey))
      added.push({
        key: taintKey,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
  }
  if (added.length) spec.tolerations = [...((spec.tolerations as unknown[] | undefined) ?? []), ...added];
}
