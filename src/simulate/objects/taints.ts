import { isObject, objectsAt } from '../../model/json.js';

/**
 * Whether a toleration tolerates a taint (`k8s.io/api/core/v1` Toleration.ToleratesTaint): the
 * effect matches or is empty; `Exists` matches the key (or every key when empty); `Equal` (the
 * default operator) needs the same key and value.
 */
export function tolerates(toleration: Record<string, unknown>, taint: Record<string, unknown>): boolean {
  if (toleration.effect !== undefined && toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== '' && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  if (toleration.operator !== undefined && toleration.operator !== 'Equal' && toleration.operator !== '') return false;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The node's first NoSchedule/NoExecute taint the pod spec does not tolerate. */
export function firstUntoleratedTaint(
  podSpec: Record<string, unknown>,
  node: unknown,
): Record<string, unknown> | undefined {
  const spec = isObject(node) && isObject(node.spec) ? node.spec : {};
  const tolerations = objectsAt(podSpec, 'tolerations');
  return objectsAt(spec, 'taints').find(
    (taint) =>
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, taint)),
  );
}

/** `{key: value}` as kube-scheduler prints a taint in its messages (an empty value prints as nothing). */
export function formatTaint(taint: Record<string, unknown>): string {
  return `{${String(taint.key)}: ${taint.value === undefined ? '' : String(taint.value)}}`;
}
