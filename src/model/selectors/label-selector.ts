import { isObject } from '../json.js';
import {
  formatRequirement,
  type Labels,
  newRequirement,
  type Operator,
  type Requirement,
  requirementMatches,
} from './requirement.js';

/**
 * Label selectors compiled once and matched many times, with the API server's semantics
 * (`metav1.LabelSelectorAsSelector`, `labels.SelectorFromSet`, `labels.NewRequirement`).
 *
 * A compiled selector is a list of requirements sorted by key (all must hold), or `null`, which
 * selects nothing. One rule for every malformed selector, whoever reads it: anything the API
 * server's selector library would refuse to build (an unknown operator, `In` without values,
 * `Exists` with values, `Gt` in a LabelSelector, a key or value of the wrong syntax, a field of
 * the wrong type) compiles to `NOTHING`. Validation reports such a selector once, with the API
 * server's message (validate/selector-checks.ts); no rule or controller guesses what it meant.
 *
 * What an absent or empty selector means depends on who reads it (a Service, a budget, a
 * policy): see consumers.ts.
 */

export type { Labels, Requirement } from './requirement.js';

export type Selector = readonly Requirement[] | null;

export const NOTHING: Selector = null;
export const EVERYTHING: Selector = [];

/** Operators a `metav1.LabelSelector` may use (node selectors add Gt and Lt). */
const LABEL_SELECTOR_OPERATORS: ReadonlySet<unknown> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * `metav1.LabelSelectorAsSelector`: absent (or null) selects nothing; `{}` (no matchLabels and no
 * matchExpressions) selects everything; otherwise every `matchLabels` entry (as `key=value`) and
 * every expression must hold.
 */
export function compileLabelSelector(raw: unknown): Selector {
  if (!isObject(raw)) return NOTHING;
  const out: Requirement[] = [];
  const { matchLabels, matchExpressions } = raw;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isObject(matchLabels)) return NOTHING;
    for (const [key, value] of Object.entries(matchLabels)) {
      const r = newRequirement(key, '=', [value]);
      if (!r) return NOTHING;
      out.push(r);
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return NOTHING;
    for (const e of matchExpressions) {
      if (!isObject(e) || !LABEL_SELECTOR_OPERATORS.has(e.operator)) return NOTHING;
      const r = newRequirement(e.key, e.operator as Operator, e.values);
      if (!r) return NOTHING;
      out.push(r);
    }
  }
  return sortRequirements(out);
}

/**
 * `labels.SelectorFromSet` for the map selectors (a Service's and a ReplicationController's
 * `spec.selector`, a pod's `nodeSelector`): every pair must match. Absent, null or `{}` selects
 * everything; the caller decides whether it reads a selector at all (consumers.ts). Like the
 * library, it does not check the syntax of keys and values (the API server validated them); a
 * value that is not a string, or a map that is not an object, is malformed and selects nothing.
 */
export function selectorFromSet(raw: unknown): Selector {
  if (raw === undefined || raw === null) return EVERYTHING;
  if (!isObject(raw)) return NOTHING;
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') return NOTHING;
    out.push({ key, op: '=', values: [value] });
  }
  return sortRequirements(out);
}

/**
 * The canonical order: by key (as `Selector.Add` sorts), then operator and values, so equal
 * selectors written in a different order compile to the same list (and the same `selectorKey`).
 */
function sortRequirements(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => compare(a.key, b.key) || compare(a.op, b.op) || compare(a.values.join(), b.values.join()));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Both selectors must hold (`Selector.Add`); nothing AND anything selects nothing. */
export function andSelectors(a: Selector, b: Selector): Selector {
  if (a === null || b === null) return NOTHING;
  return sortRequirements([...a, ...b]);
}

/** Whether the selector has no requirement, so selects everything (`Selector.Empty`); NOTHING is not empty. */
export function isEmptySelector(s: Selector): boolean {
  return s !== null && s.length === 0;
}

export function selectorMatches(s: Selector, labels: Labels): boolean {
  if (s === null) return false;
  for (const r of s) if (!requirementMatches(r, labels)) return false;
  return true;
}

/** A stable text for a compiled selector, so identical selectors can share work (counters, caches). */
export function selectorKey(s: Selector): string {
  return s === null ? '!' : JSON.stringify(s.map((r) => [r.key, r.op, r.values]));
}

/**
 * `Selector.String()`, as kubectl prints selectors: `app=web,tier in (back,front)`. NOTHING and
 * EVERYTHING both print as `""`; callers that show either say so in words.
 */
export function formatSelector(s: Selector): string {
  return s === null ? '' : s.map(formatRequirement).join(',');
}

/**
 * One `key=value` every label set the selector matches must carry (from `=`, or `In` with a
 * single value), as an index key (labelIndexKey); undefined when there is none. Indexes of pods
 * by label use it to test a selector against only the pods that can match.
 */
export function requiredLabel(s: Selector): string | undefined {
  if (s === null) return undefined;
  for (const r of s)
    if ((r.op === '=' || r.op === 'In') && r.values.length === 1) return labelIndexKey(r.key, r.values[0]!);
  return undefined;
}

/** The one key format of label indexes: `key\0value` (neither a key nor a value can contain NUL). */
export function labelIndexKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** The labels of an object (`metadata.labels`); entries whose value is not a string do not exist for selectors. */
export function labelsOf(object: unknown): Record<string, string> {
  const labels = isObject(object) && isObject(object.metadata) ? object.metadata.labels : undefined;
  // No prototype: a label key is data, and `__proto__` or `constructor` must stay an ordinary key.
  const out: Record<string, string> = Object.create(null);
  if (isObject(labels))
    for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') out[key] = value;
  return out;
}
