import { isObject, type JsonObject } from '../../model/json.js';
import { FieldPath, invalid, type SelectorProblem } from '../../model/selectors/validation.js';

export { forbidden, invalid, notSupported, required } from '../../model/selectors/validation.js';

/**
 * What the field checks share: the API server's field errors (the selectors' validation writes
 * them), the checks of counts and ports, and the walks over lists and pointers.
 */
export type Problems = SelectorProblem[];

export const ROOT = new FieldPath('', '');

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
