import type { ErrorObject } from 'ajv';
import { appendPointer, fieldPath, valueAt } from '../model/json-pointer.js';
import { pushTo } from '../model/maps.js';

/** A schema violation, ready to become a finding. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

/** Decides whether the value at a pointer must never be shown (Secret data). */
export type IsHidden = (pointer: string) => boolean;

const MAX_SHOWN = 40;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The places of a Secret whose values cannot be secret: what names the object and its type.
 * Any other value of a Secret (`data`, `stringData` even when not a map, a mistyped `immutable`,
 * annotations such as the last-applied copy of the data) may hold the secret, or a piece of it
 * pasted in the wrong place, and is never quoted.
 */
const PUBLIC_SECRET_FIELDS = /^\/(apiVersion|kind|type|metadata\/(name|generateName|namespace|labels\/[^/]*))$/;

/** Whether the object is a Secret: of any apiVersion, as a custom kind named Secret may hold one too. */
function isSecret(root: unknown): boolean {
  return root !== null && typeof root === 'object' && (root as { kind?: unknown }).kind === 'Secret';
}

function describeValue(value: unknown, hidden: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  // Its type and length say what is wrong without the value, which may be the secret.
  if (hidden && typeof value === 'string') return `string of ${plural(value.length, 'character')} (value hidden)`;
  if (hidden) return `${typeof value} (value hidden)`;
  if (typeof value === 'string') {
    return `string ${JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value)}`;
  }
  return `${typeof value} ${String(value)}`;
}

function shown(value: unknown, hidden: boolean): string {
  if (hidden) return 'the value';
  return typeof value === 'string'
    ? JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value)
    : String(value);
}

const FORMAT_TEXT: Record<string, string> = {
  int32: 'is out of range for a 32-bit integer',
  int64: 'is out of range for a 64-bit integer',
  byte: 'is not valid base64',
  'date-time': 'is not an RFC 3339 date-time (such as 2024-01-31T12:00:00Z)',
  quantity: 'is not a valid quantity (such as 500m, 2Gi or 1.5)',
};

/** What a value not in `format` is, in words. */
function formatText(format: string): string {
  return FORMAT_TEXT[format] ?? `does not match the format ${format}`;
}

/** Where the messages of a description are: the validated value, and the place paths start from. */
interface Context {
  root: unknown;
  isHidden: IsHidden;
  /** Paths in messages are relative to this pointer: '' at the top, a combinator's value inside its message. */
  base: string;
}

function prefix(pointer: string, base: string): string {
  const inside = pointer === base || pointer.startsWith(`${base}/`);
  const path = fieldPath(inside ? pointer.slice(base.length) : pointer);
  return path ? `${path}: ` : '';
}

function join(words: string[], last = 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** The types an error asks for, null left out unless it is the only one. */
function expectedTypes(errors: readonly ErrorObject[]): string[] {
  const all = errors.flatMap((e) => (Array.isArray(e.params.type) ? e.params.type : [e.params.type])).map(String);
  const named = all.filter((t) => t !== 'null');
  return [...new Set(named.length ? named : all)];
}

/** A scalar as written (quoted if a string), or what kind of value a list or object is. */
function valueText(value: unknown, hidden: boolean): string {
  return value !== null && typeof value === 'object' ? describeValue(value, hidden) : shown(value, hidden);
}

const JUNCTOR_TEXT: Record<string, string> = {
  oneOf: 'must match exactly one alternative of the schema (oneOf)',
  anyOf: 'must match at least one alternative of the schema (anyOf)',
};

function isJunctor(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' || error.keyword === 'anyOf';
}

/** The start of the schema paths of a junctor's branches (`#/oneOf/`). */
function branchesPath(junctor: ErrorObject): string {
  return `${junctor.schemaPath}/`;
}

/** The branches a oneOf matched when it matched several (ajv's `passingSchemas`); undefined otherwise. */
function passingSchemas(junctor: ErrorObject): unknown[] | undefined {
  const passing = (junctor.params as { passingSchemas?: unknown }).passingSchemas;
  return Array.isArray(passing) ? passing : undefined;
}

/** Several errors at one place saying "one of these shapes": int-or-string, quantity, formats. */
function describeAlternatives(group: ErrorObject[], value: unknown, hidden: boolean, label: string): string {
  const types = expectedTypes(group.filter((e) => e.keyword === 'type')).sort();
  const formats = [...new Set(group.filter((e) => e.keyword === 'format').map((e) => String(e.params.format)))];
  // A quantity is "a number or a string in quantity format"; int-or-string is "integer or string".
  const quantity = formats.includes('quantity') || (types.includes('number') && types.includes('string'));
  if (quantity) {
    return typeof value === 'string'
      ? `${label}${shown(value, hidden)} ${FORMAT_TEXT.quantity}`
      : `${label}expected a quantity (such as 500m, 2Gi or 1.5), got ${describeValue(value, hidden)}`;
  }
  if (types.length) return `${label}expected ${join(types)}, got ${describeValue(value, hidden)}`;
  if (formats.length === 1) return `${label}${shown(value, hidden)} ${formatText(formats[0]!)}`;
  if (formats.length) return `${label}${shown(value, hidden)} matches none of the formats ${join(formats)}`;
  const junctor = group.find(isJunctor);
  return `${label}${JUNCTOR_TEXT[junctor?.keyword ?? 'anyOf']}, but matches none`;
}

function describeOne(
  error: ErrorObject,
  pointer: string,
  value: unknown,
  hidden: boolean,
  base: string,
): SchemaProblem | undefined {
  const params = error.params as Record<string, unknown>;
  const label = prefix(pointer, base);
  switch (error.keyword) {
    case 'type':
      return {
        pointer,
        message: `${label}expected ${join(expectedTypes([error]))}, got ${describeValue(value, hidden)}`,
      };
    case 'required': {
      const child = appendPointer(pointer, String(params.missingProperty));
      return { pointer: child, message: `${prefix(child, base)}required field is missing` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return { pointer, message: `${label}${shown(value, hidden)} is not one of ${allowed.join(', ')}` };
    }
    case 'format':
      return { pointer, message: `${label}${shown(value, hidden)} ${formatText(String(params.format))}` };
    case 'not':
      return { pointer, message: `${label}${valueText(value, hidden)} is excluded by the schema (not)` };
    case 'oneOf':
    case 'anyOf':
    // `if` only says its `else` failed, whose own errors say how (structural-schema.ts's null guard).
    case 'if':
      return undefined;
    default:
      return { pointer, message: `${label}${error.message ?? `fails the schema keyword ${error.keyword}`}` };
  }
}

/**
 * The errors ajv reports from inside a junctor's branches: their schema path goes on from its,
 * and they are about its value or a value inside it (the items of a list share schema paths).
 */
function branchErrors(junctor: ErrorObject, errors: readonly ErrorObject[]): ErrorObject[] {
  const inside = branchesPath(junctor);
  const at = junctor.instancePath;
  return errors.filter(
    (e) => e.schemaPath.startsWith(inside) && (e.instancePath === at || e.instancePath.startsWith(`${at}/`)),
  );
}

/** Errors that only say which shapes a value may take (type and format at the value itself). */
function onlyAlternatives(junctor: ErrorObject, inner: readonly ErrorObject[]): boolean {
  return inner.every(
    (e) => e.instancePath === junctor.instancePath && (e.keyword === 'type' || e.keyword === 'format'),
  );
}

/**
 * A oneOf or anyOf that fails over the value's content (a CRD's `oneOf: [{required: [a]},
 * {required: [b]}]`), as one message listing what each alternative lacks.
 */
function describeJunctor(junctor: ErrorObject, inner: readonly ErrorObject[], ctx: Context): SchemaProblem {
  const pointer = junctor.instancePath;
  const label = prefix(pointer, ctx.base);
  const text = JUNCTOR_TEXT[junctor.keyword]!;
  const passing = passingSchemas(junctor);
  if (passing) {
    const which = join(
      passing.map((i) => String(Number(i) + 1)),
      'and',
    );
    return { pointer, message: `${label}${text}, but matches ${passing.length} (alternatives ${which})` };
  }
  const byBranch = new Map<number, ErrorObject[]>();
  const inside = branchesPath(junctor);
  for (const error of inner) pushTo(byBranch, Number(error.schemaPath.slice(inside.length).split('/')[0]), error);
  const alternatives = [...byBranch]
    .sort(([a], [b]) => a - b)
    .map(([branch, errors]) => {
      const problems = describe(errors, { ...ctx, base: pointer });
      return `(${branch + 1}) ${problems.map((p) => p.message).join(', ')}`;
    });
  return { pointer, message: `${label}${text}, but matches none: ${alternatives.join('; ')}` };
}

function describe(errors: readonly ErrorObject[], ctx: Context): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  // Junctors whose branches fail over the content are told in one message each, outermost first;
  // the errors of their branches go into that message. Junctors of types and formats stay with
  // the other errors at their place (int-or-string, quantity), as do those of precompiled
  // built-in validators, whose schema paths do not nest.
  const folded = new Set<ErrorObject>();
  const junctors = errors.filter(isJunctor).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const junctor of junctors) {
    if (folded.has(junctor)) continue;
    const inner = branchErrors(junctor, errors);
    const several = passingSchemas(junctor) !== undefined;
    if (!several && (inner.length === 0 || onlyAlternatives(junctor, inner))) continue;
    problems.push(describeJunctor(junctor, inner, ctx));
    folded.add(junctor);
    for (const e of inner) folded.add(e);
  }

  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) if (!folded.has(error)) pushTo(byPath, error.instancePath, error);
  for (const [pointer, group] of byPath) {
    const value = valueAt(ctx.root, pointer);
    const hidden = ctx.isHidden(pointer);
    if (group.some(isJunctor)) {
      problems.push({ pointer, message: describeAlternatives(group, value, hidden, prefix(pointer, ctx.base)) });
      continue;
    }
    // A wrong type makes format and enum errors at the same place redundant.
    const hasType = group.some((e) => e.keyword === 'type');
    for (const error of group) {
      if (hasType && (error.keyword === 'format' || error.keyword === 'enum')) continue;
      const problem = describeOne(error, pointer, value, hidden, ctx.base);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/**
 * Turns ajv errors into one readable message per problem. `root` is the validated value, used
 * to quote the offending value unless `isHidden` says it is secret, or it is a value of a Secret
 * other than its names and type (PUBLIC_SECRET_FIELDS).
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  root: unknown,
  isHidden: IsHidden = () => false,
): SchemaProblem[] {
  const hidden: IsHidden = isSecret(root)
    ? (pointer) => !PUBLIC_SECRET_FIELDS.test(pointer) || isHidden(pointer)
    : isHidden;
  return describe(errors, { root, isHidden: hidden, base: '' });
}
