import type { Ajv, ErrorObject } from 'ajv';
import { fieldPath } from '../../model/json-pointer.js';

/**
 * `multipleOf` as kube-openapi checks it on the API server. A whole number arrives there as an
 * int64, and for an int64 the factor is truncated to an integer (`MultipleOfNativeType`): with
 * `multipleOf: 0.5` every whole number is refused (`factor MultipleOf declared for spec.ratio
 * must be positive: 0`), with `multipleOf: 2.5` a whole number must be a multiple of 2. A
 * fraction is checked as a float, within go-openapi's relative error of 1e-9. Where the factor
 * does not fit the schema's type (a fraction for an `integer`) every value is checked as a float.
 */
export const MULTIPLE_OF_KEYWORD = 'x-kubeplan-multiple-of';

export interface MultipleOf {
  factor: number;
  /** False when the factor is no value of the schema's type: then no value is checked as an integer. */
  native: boolean;
}

/** The keyword for a schema node's `multipleOf`, given its `type`. */
export function multipleOfKeyword(factor: number, type: unknown): MultipleOf {
  return { factor, native: !(type === 'integer' && !Number.isInteger(factor)) };
}

const MAX_JSON_FLOAT = 2 ** 53 - 1;

/** go-openapi's `IsFloat64AJSONInteger`. */
function isJsonInteger(f: number): boolean {
  if (!Number.isFinite(f) || f < -MAX_JSON_FLOAT || f > MAX_JSON_FLOAT) return false;
  if (Number.isInteger(f)) return true;
  // Go converts a negative float to uint64 so that no negative fraction passes the relative check.
  if (f < 0) return false;
  const g = Math.trunc(f);
  if (g === 0) return false;
  return Math.abs(f - g) / (f + g) < 1e-9;
}

/** Why `value` fails, in kube-openapi's words; undefined when it passes. */
export function multipleOfProblem(value: number, { factor, native }: MultipleOf, path: string): string | undefined {
  if (native && Number.isInteger(value) && Number.isSafeInteger(value)) {
    const whole = Math.trunc(factor);
    if (whole <= 0)
      return `a whole number is checked against multipleOf ${factor} as against ${whole}, so the API server refuses it: factor MultipleOf declared for ${path} must be positive: ${whole}`;
    return value % whole === 0 ? undefined : `should be a multiple of ${whole}`;
  }
  if (factor <= 0) return `factor MultipleOf declared for ${path} must be positive: ${factor}`;
  const mult = factor < 1 ? (1 / factor) * value : value / factor;
  return isJsonInteger(mult) ? undefined : `should be a multiple of ${factor}`;
}

/** Teaches ajv the keyword `toJsonSchema` writes for `multipleOf`. */
export function addMultipleOfKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: MULTIPLE_OF_KEYWORD,
    type: 'number',
    errors: true,
    validate: function multipleOf(
      schema: MultipleOf,
      data: number,
      _parent?: unknown,
      cxt?: { instancePath: string },
    ): boolean {
      const at = cxt?.instancePath ?? '';
      const problem = multipleOfProblem(data, schema, fieldPath(at));
      const errors: ErrorObject[] = problem
        ? [{ keyword: MULTIPLE_OF_KEYWORD, instancePath: at, schemaPath: '', params: {}, message: problem }]
        : [];
      (multipleOf as { errors?: ErrorObject[] }).errors = errors;
      return errors.length === 0;
    },
  });
}
