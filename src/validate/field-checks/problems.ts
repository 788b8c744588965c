import { isObject, type JsonObject } from '../../model/json.js';
import { FieldPath, type SelectorProblem } from '../../model/selectors/validation.js';

/**
 * The shapes of the API server's field errors (`field.Invalid`, `field.Required`, ...), written as
 * it writes them, and the walks the field checks share.
 */
export type Problems = SelectorProblem[];

export const ROOT = new FieldPath('', '');

export function invalid(at: FieldPath, value: unknown, detail: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Invalid value: ${JSON.stringify(value)}: ${detail}` };
}

export function required(at: FieldPath, detail?: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Required value${detail ? `: ${detail}` : ''}` };
}

export function forbidden(at: FieldPath, detail: string): SelectorProblem {
  return { pointer: at.pointer, message: `${at.text}: Forbidden: ${detail}` };
}

export function notSupported(at: FieldPath, value: unknown, supported: readonly string[]): SelectorProblem {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return {
    pointer: at.pointer,
    message: `${at.text}: Unsupported value: ${JSON.stringify(value)}: supported values: ${list}`,
  };
}

export function isInteger(value: unknown): value is number {
  return Number.isInteger(value);
}

/** An integer field that must not be negative (a count, a number of seconds). */
export function nonNegative(value: unknown, at: FieldPath, out: Problems): void {
  if (isInteger(value) && value < 0) out.push(invalid(at, value, 'must be greater than or equal to 0'));
}

/** A port number, where one is given as a number: 1 to 65535. */
export function portNumber(value: unknown, at: FieldPath, out: Problems): void {
  if (isInteger(value) && (value < 1 || value > 65535))
    out.push(invalid(at, value, 'must be between 1 and 65535, inclusive'));
}

export function isEmptyMap(value: unknown): boolean {
  return !isObject(value) || Object.keys(value).length === 0;
}

/** Visits each object of a list, with its field path; anything else is the schema's finding. */
export function eachObject(list: unknown, at: FieldPath, visit: (item: JsonObject, itemAt: FieldPath) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isObject(item)) visit(item, at.index(i));
  });
}

/** The FieldPath of a pointer without indexes, such as `/spec/template/spec`. */
export function pathOf(pointer: string): FieldPath {
  return pointer
    .split('/')
    .filter((s) => s !== '')
    .reduce((at, name) => at.child(name), ROOT);
}
