import type { ErrorObject } from 'ajv';
import { appendPointer, fieldPath, valueAt } from '../model/json-pointer.js';

/** A schema violation, ready to become a finding. */
export interface SchemaProblem {
  pointer: string;
  message: string;
}

/** Decides whether the value at a pointer must never be shown (Secret data). */
export type IsHidden = (pointer: string) => boolean;

const MAX_SHOWN = 40;

function describeValue(value: unknown, hidden: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
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

function prefix(pointer: string): string {
  const path = fieldPath(pointer);
  return path ? `${path}: ` : '';
}

function join(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Several errors at one place saying "one of these shapes": int-or-string, quantity. */
function describeAlternatives(group: ErrorObject[], value: unknown, hidden: boolean, pointer: string): string {
  const types = [...new Set(group.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)))];
  // A quantity is "a number or a string in quantity format"; int-or-string is "integer or string".
  const quantity =
    group.some((e) => e.keyword === 'format' && e.params.format === 'quantity') ||
    (types.includes('number') && types.includes('string'));
  if (quantity) {
    return typeof value === 'string'
      ? `${prefix(pointer)}${shown(value, hidden)} ${FORMAT_TEXT.quantity}`
      : `${prefix(pointer)}expected a quantity (such as 500m, 2Gi or 1.5), got ${describeValue(value, hidden)}`;
  }
  return `${prefix(pointer)}expected ${join(types.sort())}, got ${describeValue(value, hidden)}`;
}

function describeOne(error: ErrorObject, pointer: string, value: unknown, hidden: boolean): SchemaProblem | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const type = Array.isArray(params.type)
        ? join((params.type as string[]).filter((t) => t !== 'null'))
        : String(params.type);
      return { pointer, message: `${prefix(pointer)}expected ${type}, got ${describeValue(value, hidden)}` };
    }
    case 'required': {
      const child = appendPointer(pointer, String(params.missingProperty));
      return { pointer: child, message: `${prefix(child)}required field is missing` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return { pointer, message: `${prefix(pointer)}${shown(value, hidden)} is not one of ${allowed.join(', ')}` };
    }
    case 'format': {
      const text = FORMAT_TEXT[String(params.format)] ?? `does not match the format ${String(params.format)}`;
      return { pointer, message: `${prefix(pointer)}${shown(value, hidden)} ${text}` };
    }
    case 'oneOf':
    case 'anyOf':
      return undefined;
    default:
      return { pointer, message: `${prefix(pointer)}${error.message ?? `fails the schema keyword ${error.keyword}`}` };
  }
}

/**
 * Turns ajv errors into one readable message per problem. `root` is the validated value, used
 * to quote the offending value (unless `isHidden` says it is secret).
 */
export function describeSchemaErrors(
  errors: readonly ErrorObject[],
  root: unknown,
  isHidden: IsHidden = () => false,
): SchemaProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
  }
  const problems: SchemaProblem[] = [];
  for (const [pointer, group] of byPath) {
    const value = valueAt(root, pointer);
    const hidden = isHidden(pointer);
    if (group.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
      problems.push({ pointer, message: describeAlternatives(group, value, hidden, pointer) });
      continue;
    }
    // A wrong type makes format and enum errors at the same place redundant.
    const hasType = group.some((e) => e.keyword === 'type');
    for (const error of group) {
      if (hasType && (error.keyword === 'format' || error.keyword === 'enum')) continue;
      const problem = describeOne(error, pointer, value, hidden);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}
