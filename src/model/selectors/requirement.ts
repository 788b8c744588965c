import { labelValue, qualifiedName } from '../name-validation.js';

/**
 * One requirement of a label selector, as `labels.NewRequirement` builds it: a key, an operator
 * and its values. `=` is what a `matchLabels` entry or a map selector (`spec.selector` of a
 * Service) becomes; it matches like `In` with one value and prints as `key=value`.
 */
export type Operator = '=' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface Requirement {
  readonly key: string;
  readonly op: Operator;
  readonly values: readonly string[];
}

/** Labels as selectors read them: only string values exist. */
export type Labels = Readonly<Record<string, string>>;

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** Go's `strconv.ParseInt(v, 10, 64)`: an optional sign, decimal digits, within int64. */
export function parseInt64(value: string | undefined): bigint | undefined {
  // Stryker disable next-line ConditionalExpression: test(undefined) reads the text `undefined`, which does not match either
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return undefined;
  const n = BigInt(value);
  return n > INT64_MAX || n < INT64_MIN ? undefined : n;
}

/** The values of a requirement: absent or null is no values (Go's nil slice); anything but a list of strings is malformed. */
export function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return undefined;
  return value as string[];
}

/**
 * `labels.NewRequirement`: the requirement, or undefined when the API server's selector library
 * would return an error. The key must be a qualified name and every value a label value; `In` and
 * `NotIn` need at least one value, `Exists` and `DoesNotExist` none, `=` exactly one, `Gt` and
 * `Lt` exactly one that parses as an int64. Which operators a selector may use at all is the
 * caller's rule (a LabelSelector has no `Gt`; a node selector has).
 */
export function newRequirement(key: unknown, op: Operator, rawValues: unknown): Requirement | undefined {
  if (typeof key !== 'string' || qualifiedName(key).length > 0) return undefined;
  const values = stringList(rawValues);
  if (values === undefined || values.some((v) => labelValue(v).length > 0)) return undefined;
  switch (op) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key, op, values } : undefined;
    case '=':
      return values.length === 1 ? { key, op, values } : undefined;
    case 'Exists':
    case 'DoesNotExist':
      return values.length === 0 ? { key, op, values } : undefined;
    case 'Gt':
    case 'Lt':
      return values.length === 1 && parseInt64(values[0]) !== undefined ? { key, op, values } : undefined;
  }
}

/**
 * `Requirement.Matches`. A missing key satisfies `NotIn` and `DoesNotExist` only. `Gt` and `Lt`
 * compare the label's value, read as an int64, with the bound (`Gt`: value > bound); a value that
 * is not an integer matches neither.
 */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  switch (r.op) {
    case '=':
    case 'In':
      return has && r.values.includes(labels[r.key]!);
    case 'NotIn':
      return !has || !r.values.includes(labels[r.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // A missing label, or one that is not an integer, matches neither; newRequirement made
      // sure the bound is an int64.
      const actual = has ? parseInt64(labels[r.key]) : undefined;
      // Stryker disable next-line ConditionalExpression: undefined compared with a bigint is false for both > and <
      if (actual === undefined) return false;
      const bound = BigInt(r.values[0]!);
      return r.op === 'Gt' ? actual > bound : actual < bound;
    }
  }
}

/** `Requirement.String()`: `app=web`, `tier in (back,front)`, `env notin (dev)`, `gpu`, `!spot`, `cores>4`. */
export function formatRequirement(r: Requirement): string {
  const values = [...r.values].sort().join(',');
  switch (r.op) {
    case '=':
      return `${r.key}=${values}`;
    case 'In':
      return `${r.key} in (${values})`;
    case 'NotIn':
      return `${r.key} notin (${values})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${values}`;
    case 'Lt':
      return `${r.key}<${values}`;
  }
}
