import { asArray, asObject, asString, asStringMap } from '../model/json.js';

interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A parsed label selector; `matchLabels` and `matchExpressions` must all hold (AND). */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  requirements: Requirement[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Reads a `metav1.LabelSelector`; undefined when it cannot be understood (a malformed
 * expression), so callers skip rather than guess. A missing or empty selector is `{}`, which
 * matches everything where Kubernetes says so (PodDisruptionBudget, NetworkPolicy).
 */
export function parseLabelSelector(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return { matchLabels: {}, requirements: [] };
  const object = asObject(value);
  if (!object) return undefined;
  const requirements: Requirement[] = [];
  for (const raw of asArray(object.matchExpressions)) {
    const e = asObject(raw);
    const key = asString(e?.key);
    const operator = asString(e?.operator);
    if (!e || !key || !operator || !OPERATORS.has(operator)) return undefined;
    requirements.push({
      key,
      operator: operator as Requirement['operator'],
      values: asArray(e.values).filter((v): v is string => typeof v === 'string'),
    });
  }
  return { matchLabels: asStringMap(object.matchLabels), requirements };
}

/** A Service-style selector: a plain map of labels that must all be present. */
export function selectorFromMap(value: unknown): LabelSelector {
  return { matchLabels: asStringMap(value), requirements: [] };
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.requirements.length === 0;
}

export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const r of selector.requirements) {
    const has = Object.hasOwn(labels, r.key);
    const ok =
      r.operator === 'Exists'
        ? has
        : r.operator === 'DoesNotExist'
          ? !has
          : r.operator === 'In'
            ? has && r.values.includes(labels[r.key]!)
            : !has || !r.values.includes(labels[r.key]!);
    if (!ok) return false;
  }
  return true;
}

/** `app=web,tier in (front)`: a selector as `kubectl get -l` would take it, for messages. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.requirements) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`);
  }
  return parts.join(',');
}
