import { isObject } from '../json.js';

/**
 * Taints and tolerations (`k8s.io/api/core/v1` Toleration.ToleratesTaint), read once from plain
 * objects. The scheduler's TaintToleration and NodeUnschedulable filters and the DaemonSet
 * controller's eligibility check all use these, so a pod the controller makes for a node is one
 * the scheduler can place there.
 *
 * Reading rule: an absent or null field is the empty string (Go's zero value). A toleration with
 * a field of another type (a number where a string belongs) is malformed and tolerates nothing,
 * so it is left out; a taint's field of another type reads as the empty string. The API server refuses both shapes
 * (schema validation reports them); the rule only keeps the simulation of odd live objects safe.
 */

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface Toleration {
  readonly key: string;
  /** `''` means Equal. */
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}

function field(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : undefined;
}

/** A node's `spec.taints`; items that are not objects are skipped. */
export function readTaints(raw: unknown): Taint[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isObject)
    .map((t) => ({ key: field(t.key) ?? '', value: field(t.value) ?? '', effect: field(t.effect) ?? '' }));
}

/** A pod's `spec.tolerations`; items that are not objects, and malformed ones, are left out. */
export function readTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  const out: Toleration[] = [];
  for (const t of raw.filter(isObject)) {
    const key = field(t.key);
    const operator = field(t.operator);
    const value = field(t.value);
    const effect = field(t.effect);
    if (key !== undefined && operator !== undefined && value !== undefined && effect !== undefined)
      out.push({ key, operator, value, effect });
  }
  return out;
}

/**
 * `ToleratesTaint`: an empty effect matches every effect, an empty key (with Exists) every key;
 * `Exists` ignores the value; `Equal` (or no operator) needs the same value. Any other operator
 * tolerates nothing.
 */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== '' && t.key !== taint.key) return false;
  if (t.operator === '' || t.operator === 'Equal') return t.value === taint.value;
  return t.operator === 'Exists';
}

export function toleratesAny(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (tolerates(t, taint)) return true;
  return false;
}

/**
 * `FindMatchingUntoleratedTaint` with the filter both the scheduler and the DaemonSet controller
 * use: the first NoSchedule or NoExecute taint that no toleration tolerates (PreferNoSchedule
 * taints only lower a node's score).
 */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!toleratesAny(tolerations, taint)) return taint;
  }
  return undefined;
}

/** `{key: value}`, as kube-scheduler names a taint in its messages (an empty value prints as nothing). */
export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value}}`;
}
