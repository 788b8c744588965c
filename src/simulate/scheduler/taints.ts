/** Taints and tolerations (core/v1 Toleration.ToleratesTaint), read defensively from plain objects. */
import { str } from './read.js';

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
    .map((t) => ({ key: str(t.key), value: str(t.value), effect: str(t.effect) }));
}

export function readTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({ key: str(t.key), operator: str(t.operator), value: str(t.value), effect: str(t.effect) }));
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
