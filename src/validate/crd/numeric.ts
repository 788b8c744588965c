import type { Ajv, ErrorObject } from 'ajv';
import { fieldPath } from '../../model/json-pointer.js';

/**
 * `minimum`, `maximum` (with draft-04's boolean `exclusiveMinimum`/`exclusiveMaximum`) and
 * `multipleOf` as kube-openapi checks them on the API server. A whole number arrives there as an
 * int64, and for an int64 each bound is truncated to an integer (`MinimumNativeType`,
 * `MultipleOfNativeType`): `minimum: 0.5` lets 0 through, `maximum: 1.5` refuses 2 but not 1,
 * and `multipleOf: 0.5` refuses every whole number (`factor MultipleOf declared for spec.ratio
 * must be positive: 0`). A fraction is compared as a float, `multipleOf` within go-openapi's
 * relative error of 1e-9. A bound that is no value of the schema's type (a fraction for an
 * `integer`) is itself an error for every value (`Minimum boundary value must be of type integer
 * (default format) in spec.replicas`), and the value is then compared as a float.
 */
export const NUMERIC_KEYWORD = 'x-kubeplan-numeric';

export interface NumericBounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  /** The schema's type and format: whether a bound fits the type (`IsValueValidAgainstRange`). */
  type?: string;
  format?: string;
}

/** The keyword for a schema node; undefined when it has none of these bounds. */
export function numericKeyword(input: Record<string, unknown>): NumericBounds | undefined {
  const out: NumericBounds = {};
  if (typeof input.minimum === 'number') out.minimum = input.minimum;
  if (typeof input.maximum === 'number') out.maximum = input.maximum;
  if (typeof input.multipleOf === 'number') out.multipleOf = input.multipleOf;
  if (out.minimum === undefined && out.maximum === undefined && out.multipleOf === undefined) return undefined;
  if (input.exclusiveMinimum === true) out.exclusiveMinimum = true;
  if (input.exclusiveMaximum === true) out.exclusiveMaximum = true;
  if (typeof input.type === 'string') out.type = input.type;
  if (typeof input.format === 'string') out.format = input.format;
  return out;
}

const MAX_JSON_FLOAT = 2 ** 53 - 1;
const INT64 = 2n ** 63n;

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

/** Whether a bound is a value of the schema's integer type (`IsValueValidAgainstRange`): numbers take any. */
function fitsType(bound: number, { type, format }: NumericBounds): boolean {
  if (type !== 'integer') return true;
  if (!Number.isInteger(bound)) return false;
  const big = BigInt(bound);
  if (format === 'int32') return big >= -(2n ** 31n) && big < 2n ** 31n;
  return big >= -INT64 && big < INT64;
}

function typeText({ format }: NumericBounds): string {
  return format ? `integer with format ${format}` : 'integer (default format)';
}

/** Why `value` fails the bounds, in kube-openapi's words; none when it passes. */
export function numericProblems(value: number, bounds: NumericBounds, path: string): string[] {
  const problems: string[] = [];
  // A whole number decodes as an int64 on the API server.
  const whole = Number.isInteger(value) && Math.abs(value) < 2 ** 63;
  const boundFor = (bound: number, prefix: string): number | undefined => {
    if (fitsType(bound, bounds)) return whole ? Math.trunc(bound) : bound;
    problems.push(`${prefix} value must be of type ${typeText(bounds)} in ${path}`);
    return bound;
  };
  const note = (bound: number, used: number, keyword: string) =>
    used === bound ? '' : ` (the API server compares a whole number with ${keyword} ${bound} truncated to ${used})`;
  if (bounds.multipleOf !== undefined) {
    const factor = bounds.multipleOf;
    const native = fitsType(factor, bounds);
    const used = boundFor(factor, 'MultipleOf')!;
    if (native && whole) {
      if (used <= 0)
        problems.push(
          `a whole number is checked against multipleOf ${factor} as against ${used}, so the API server refuses it: factor MultipleOf declared for ${path} must be positive: ${used}`,
        );
      else if (value % used !== 0) problems.push(`should be a multiple of ${used}${note(factor, used, 'multipleOf')}`);
    } else if (factor <= 0) problems.push(`factor MultipleOf declared for ${path} must be positive: ${factor}`);
    else if (!isJsonInteger(factor < 1 ? (1 / factor) * value : value / factor))
      problems.push(`should be a multiple of ${factor}`);
  }
  if (bounds.maximum !== undefined) {
    const used = boundFor(bounds.maximum, 'Maximum boundary')!;
    const exclusive = bounds.exclusiveMaximum === true;
    if (exclusive ? value >= used : value > used)
      problems.push(`must be ${exclusive ? '<' : '<='} ${used}${note(bounds.maximum, used, 'maximum')}`);
  }
  if (bounds.minimum !== undefined) {
    const used = boundFor(bounds.minimum, 'Minimum boundary')!;
    const exclusive = bounds.exclusiveMinimum === true;
    if (exclusive ? value <= used : value < used)
      problems.push(`must be ${exclusive ? '>' : '>='} ${used}${note(bounds.minimum, used, 'minimum')}`);
  }
  return problems;
}

/** Teaches ajv the keyword `toJsonSchema` writes for numeric bounds. */
export function addNumericKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: NUMERIC_KEYWORD,
    type: 'number',
    errors: true,
    validate: function numeric(
      bounds: NumericBounds,
      data: number,
      _parent?: unknown,
      cxt?: { instancePath: string },
    ): boolean {
      const at = cxt?.instancePath ?? '';
      const errors: ErrorObject[] = numericProblems(data, bounds, fieldPath(at)).map((message) => ({
        keyword: NUMERIC_KEYWORD,
        instancePath: at,
        schemaPath: '',
        params: {},
        message,
      }));
      (numeric as { errors?: ErrorObject[] }).errors = errors;
      return errors.length === 0;
    },
  });
}
