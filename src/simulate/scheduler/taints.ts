import { asString } from '../../model/json.js';
/** Taints and tolerations (core/v1 Toleration.ToleratesTaint), read defensively from plain objects. */

export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

export function readTaints(raw: unknown): Taint[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({ key: asString(t.key) ?? '', value: asString(t.value) ?? '', effect: asString(t.effect) ?? '' }));
}

export function readTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({
      key: asString(t.key) ?? '',
      operator: asString(t.operator) ?? '',
      value: asString(t.value) ?? '',
      effect: asString(t.effect) ?? '',
    }));
}

/** An empty effect or key on the toleration matches any; operator "" means Equal. */
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
