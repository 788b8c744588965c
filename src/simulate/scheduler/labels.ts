import { isObject } from '../../model/json.js';
/**
 * Label selectors (metav1.LabelSelector) and node selector terms (v1.NodeSelectorTerm), compiled
 * once and matched many times. Semantics follow Kubernetes: a missing selector selects nothing, an
 * empty one selects everything; a malformed selector selects nothing instead of throwing.
 */

export type Labels = Readonly<Record<string, string>>;

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: readonly string[];
}

/** `null` selects nothing; an empty list selects everything. */
export type Selector = readonly Requirement[] | null;

export const NOTHING: Selector = null;
export const EVERYTHING: Selector = [];

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  return value as string[];
}

/** Go's strconv.ParseInt(v, 10, 64) for the Gt/Lt operators: optional sign, decimal digits only. */
function parseInt64(value: string | undefined): bigint | undefined {
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return undefined;
  const n = BigInt(value);
  return n > 9223372036854775807n || n < -9223372036854775808n ? undefined : n;
}

/** labels.NewRequirement's checks on the number and form of values; undefined when invalid. */
function requirement(key: unknown, op: unknown, rawValues: unknown): Requirement | undefined {
  if (typeof key !== 'string' || key === '') return undefined;
  const values = stringList(rawValues);
  if (values === undefined) return undefined;
  switch (op) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key, op, values } : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0 ? { key, op, values } : undefined;
    case 'Gt':
    case 'Lt':
      return values.length === 1 && parseInt64(values[0]) !== undefined ? { key, op, values } : undefined;
    default:
      return undefined;
  }
}

/** metav1.LabelSelectorAsSelector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
export function compileLabelSelector(raw: unknown): Selector {
  if (raw === undefined || raw === null) return NOTHING;
  if (!isObject(raw)) return NOTHING;
  const out: Requirement[] = [];
  if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
    if (!isObject(raw.matchLabels)) return NOTHING;
    for (const [key, value] of Object.entries(raw.matchLabels)) {
      const r = typeof value === 'string' ? requirement(key, 'In', [value]) : undefined;
      if (!r) return NOTHING;
      out.push(r);
    }
  }
  if (raw.matchExpressions !== undefined && raw.matchExpressions !== null) {
    if (!Array.isArray(raw.matchExpressions)) return NOTHING;
    for (const expr of raw.matchExpressions) {
      if (!isObject(expr) || expr.operator === 'Gt' || expr.operator === 'Lt') return NOTHING;
      const r = requirement(expr.key, expr.operator, expr.values);
      if (!r) return NOTHING;
      out.push(r);
    }
  }
  return sortRequirements(out);
}

/** A selector from a plain map (nodeSelector, Service and ReplicationController selectors). */
export function selectorFromMap(map: unknown): Selector {
  if (!isObject(map)) return EVERYTHING;
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (typeof value !== 'string') return NOTHING;
    out.push({ key, op: 'In', values: [value] });
  }
  return sortRequirements(out);
}

function sortRequirements(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.op < b.op ? -1 : a.op > b.op ? 1 : 0));
}

export function andSelectors(a: Selector, b: Selector): Selector {
  if (a === null || b === null) return NOTHING;
  return sortRequirements([...a, ...b]);
}

export function isEmptySelector(s: Selector): boolean {
  return s !== null && s.length === 0;
}

/** A stable text for a selector, used to share counters between identical selectors. */
export function selectorKey(s: Selector): string {
  return s === null ? '!' : JSON.stringify(s.map((r) => [r.key, r.op, r.values]));
}

/**
 * A label every pod selected by `s` must carry (`key=value` from an In requirement with one value),
 * used to index selectors by label; undefined when there is none.
 */
export function requiredLabel(s: Selector): string | undefined {
  if (s === null) return undefined;
  const r = s.find((x) => x.op === 'In' && x.values.length === 1);
  return r ? labelIndexKey(r.key, r.values[0]!) : undefined;
}

export function labelIndexKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'In':
      return has && r.values.includes(value!);
    case 'NotIn':
      return !has || !r.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const actual = parseInt64(value);
      const bound = parseInt64(r.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return r.op === 'Gt' ? actual > bound : actual < bound;
    }
  }
}

export function selectorMatches(s: Selector, labels: Labels): boolean {
  if (s === null) return false;
  for (const r of s) if (!requirementMatches(r, labels)) return false;
  return true;
}

/** A compiled v1.NodeSelectorTerm: label requirements and `metadata.name` field requirements. */
export interface NodeSelectorTerm {
  /** undefined when the term has no matchExpressions. */
  labels?: readonly Requirement[];
  /** undefined when the term has no matchFields; each is `name == value` (In) or `name != value` (NotIn). */
  fields?: ReadonlyArray<{ key: string; equal: boolean; value: string }>;
  /** A malformed requirement makes the whole term match nothing (Kubernetes' lazy parse errors). */
  invalid: boolean;
}

function compileNodeSelectorRequirements(raw: unknown): Requirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Requirement[] = [];
  for (const expr of raw) {
    if (!isObject(expr)) return undefined;
    const r = requirement(expr.key, expr.operator, expr.values);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

function compileFieldRequirements(raw: unknown): NodeSelectorTerm['fields'] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Array<{ key: string; equal: boolean; value: string }> = [];
  for (const expr of raw) {
    if (!isObject(expr) || typeof expr.key !== 'string') return undefined;
    const values = stringList(expr.values);
    // Only In and NotIn with exactly one value are valid for fields.
    if (values?.length !== 1 || (expr.operator !== 'In' && expr.operator !== 'NotIn')) return undefined;
    out.push({ key: expr.key, equal: expr.operator === 'In', value: values[0]! });
  }
  return out;
}

/** Terms with neither matchExpressions nor matchFields are dropped: they select no node. */
export function compileNodeSelectorTerms(raw: unknown): NodeSelectorTerm[] {
  if (!Array.isArray(raw)) return [];
  const out: NodeSelectorTerm[] = [];
  for (const term of raw) {
    if (!isObject(term)) continue;
    const hasExpr = Array.isArray(term.matchExpressions) && term.matchExpressions.length > 0;
    const hasFields = Array.isArray(term.matchFields) && term.matchFields.length > 0;
    if (!hasExpr && !hasFields) continue;
    const compiled: NodeSelectorTerm = { invalid: false };
    if (hasExpr) {
      const reqs = compileNodeSelectorRequirements(term.matchExpressions);
      if (reqs) compiled.labels = reqs;
      else compiled.invalid = true;
    }
    if (hasFields) {
      const fields = compileFieldRequirements(term.matchFields);
      if (fields) compiled.fields = fields;
      else compiled.invalid = true;
    }
    out.push(compiled);
  }
  return out;
}

export function nodeSelectorTermMatches(term: NodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  if (term.invalid) return false;
  if (term.labels) for (const r of term.labels) if (!requirementMatches(r, labels)) return false;
  if (term.fields) {
    for (const f of term.fields) {
      // The only node field is metadata.name; any other field reads as the empty string.
      const actual = f.key === 'metadata.name' ? nodeName : '';
      if ((actual === f.value) !== f.equal) return false;
    }
  }
  return true;
}
