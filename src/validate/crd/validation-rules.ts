import { EvaluationError, type ParseResult } from '@marcbachmann/cel-js';
import { isObject } from '../../model/json.js';
import { appendPointer } from '../../model/json-pointer.js';
import { rewriteForCelJs } from './cel-rewrite.js';
import { CostLimitExceeded, meterCost, metered, RUNTIME_CEL_COST_BUDGET } from './cel-cost.js';
import { KubernetesCelError, kubernetesCel } from './kubernetes-cel.js';
import { declares, fieldSchema, itemSchema, type Schema } from './structural-schema.js';

/** A CEL rule that refuses the value at `pointer`, in the API server's words. */
export interface RuleFailure {
  pointer: string;
  message: string;
}

/** A rule kubeplan cannot evaluate (a Kubernetes CEL library function kubernetes-cel.ts lacks, a syntax cel-js does not parse, a pattern re2js does not compile). */
export interface RuleSkipped {
  /** Pointer to the rule inside the schema (`/properties/spec/x-kubernetes-validations/0`). */
  schemaPointer: string;
  rule: string;
  reason: string;
}

interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  optionalOldSelf?: boolean;
}

/**
 * The cel-js runtime errors cel-go gives too, for the value at hand: they refuse the object as on
 * the API server. Any other error (a function or overload cel-js lacks, a type it reads
 * otherwise) is kubeplan's limit, and the rule is reported as not evaluated.
 */
const OBJECT_ERRORS = new Set([
  'no_such_key',
  'index_out_of_bounds',
  'index_out_of_range',
  'division_by_zero',
  'modulo_by_zero',
  'numeric_overflow',
  'bool_conversion_error',
  'double_conversion_error',
  'int_conversion_error',
  'uint_conversion_error',
  'invalid_duration',
  'invalid_timestamp',
]);

function refusesObject(error: unknown): boolean {
  return error instanceof KubernetesCelError || (error instanceof EvaluationError && OBJECT_ERRORS.has(error.code));
}

/** A runtime error in cel-go's words: `no such key: x`, `index out of bounds: 2`. */
function objectErrorDetail(error: unknown, reason: string): string {
  const index = /index (-?\d+)/.exec(reason);
  if (error instanceof EvaluationError && error.code === 'index_out_of_bounds' && index)
    return `index out of bounds: ${index[1]}`;
  return reason.replace(/^no such key:/i, 'no such key:');
}

/** Parsed and type-checked rules, shared by every object of every CRD: the same text compiles the same. */
const compiled = new Map<string, ParseResult | Error>();
let environment: ReturnType<typeof kubernetesCel> | undefined;

/** The Kubernetes CEL environment, each evaluation's cost counted (cel-cost.ts). */
function meteredCel(): ReturnType<typeof kubernetesCel> {
  const env = kubernetesCel();
  meterCost(env);
  return env;
}

/**
 * A rule as cel-js evaluates it, rewritten where cel-js reads CEL otherwise than cel-go
 * (cel-rewrite.ts), or the Error that keeps kubeplan from evaluating it. The API server compiled
 * the rule when it accepted the CRD, so a rule that does not parse or type-check here is
 * kubeplan's limit, never the object's fault.
 */
function compile(expression: string): ParseResult | Error {
  let result = compiled.get(expression);
  if (!result) {
    try {
      environment ??= meteredCel();
      const env = environment;
      const program = rewriteForCelJs(expression, (text) => env.parse(text));
      const checked = program.check();
      result = checked.valid ? program : (checked.error ?? new Error('type check failed'));
    } catch (error) {
      result = error as Error;
    }
    compiled.set(expression, result);
  }
  return result;
}

/** The first line of an error: cel-js adds the expression with a caret below. */
function summary(error: unknown): string {
  const e = error as { summary?: unknown; message?: unknown };
  return String(typeof e.summary === 'string' ? e.summary : (e.message ?? error))
    .split('\n')[0]!
    .trim();
}

/**
 * A JSON value as CEL sees it under its schema (`UnstructuredToVal`): integers are CEL ints
 * (bigint here), `number` fields doubles, int-or-string numbers ints; fields without a schema
 * (preserved unknown fields) get ints for whole numbers.
 */
function toCel(value: unknown, schema: Schema | undefined): unknown {
  if (typeof value === 'number') {
    const integer =
      schema?.type === 'integer' ||
      schema?.['x-kubernetes-int-or-string'] === true ||
      (schema?.type !== 'number' && Number.isInteger(value));
    return integer && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => toCel(item, itemSchema(schema)));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  // In an object with properties (not a map), a null field is absent to the rules, as cel-go's
  // unstructured values make it: has() is false and reading it is `no such key`.
  const object = isObject(schema?.properties) || schema?.['x-kubernetes-embedded-resource'] === true;
  for (const [key, item] of Object.entries(value)) {
    if (object && item === null) continue;
    out[key] = toCel(item, fieldSchema(schema, key));
  }
  return out;
}

/** `.spec.replicas` or `['key']` (a rule's fieldPath, relative to the node) as segments; undefined when it is neither. */
function fieldPathSegments(path: string): Array<{ name: string; keyed: boolean }> | undefined {
  const segments: Array<{ name: string; keyed: boolean }> = [];
  const token = /\.([A-Za-z_$][\w$-]*)|\['((?:[^'\\]|\\.)*)'\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (!m) return undefined;
    segments.push(
      m[1] !== undefined ? { name: m[1], keyed: false } : { name: m[2]!.replace(/\\(.)/g, '$1'), keyed: true },
    );
    at = token.lastIndex;
  }
  return segments;
}

/** A field path as the API server writes it: `spec.consumers[0]`, map entries as `spec.labels[team]`. */
function child(path: string, name: string | number, keyed: boolean): string {
  return keyed ? `${path}[${name}]` : path ? `${path}.${name}` : String(name);
}

/** `field.Error` text: the path, the error type, the value for scalars (objects and arrays omit it), the detail. */
function fieldError(
  fieldPath: string,
  reason: string | undefined,
  schemaType: unknown,
  value: unknown,
  detail: string,
): string {
  const path = fieldPath || '<nil>';
  if (reason === 'FieldValueForbidden') return `${path}: Forbidden: ${detail}`;
  if (reason === 'FieldValueRequired') return `${path}: Required value: ${detail}`;
  const shown = schemaType === 'object' || schemaType === 'array' ? '' : `: ${JSON.stringify(value)}:`;
  if (reason === 'FieldValueDuplicate') return `${path}: Duplicate value${shown.slice(0, -1)}`;
  return `${path}: Invalid value${shown || ':'} ${detail}`;
}

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD's structural schema against a
 * custom resource as the API server does on create: each rule with `self` bound to the value of
 * its node (present values only), in schema order. Rules that compare with `oldSelf` apply to
 * updates only and are left out, as on create. A rule that does not hold gives its `message`
 * (or its `messageExpression`, or `failed rule: <rule>`) at its node or its `fieldPath`; a rule
 * reaching for a field that is absent gives `no such key: <field> evaluating rule: ...`. A rule
 * kubeplan cannot evaluate (a Kubernetes library function it lacks) is reported as skipped.
 */
export function evaluateValidationRules(
  schema: Schema,
  object: unknown,
): { failures: RuleFailure[]; skipped: RuleSkipped[] } {
  const failures: RuleFailure[] = [];
  const skipped: RuleSkipped[] = [];
  // What is left of the object's cost budget; once an error says "no further validation rules
  // will be run", none is, as on the API server.
  let remaining = RUNTIME_CEL_COST_BUDGET;
  let stopped = false;
  const visit = (node: Schema, value: unknown, pointer: string, path: string, schemaPointer: string): void => {
    if (stopped || value === undefined || value === null) return;
    const rules = Array.isArray(node['x-kubernetes-validations']) ? node['x-kubernetes-validations'] : [];
    if (rules.length) {
      const self = toCel(value, node);
      // The API server's error at the node: the value shown is the node's type.
      const nodeError = (at: string, atPath: string, detail: string): void => {
        failures.push({ pointer: at, message: fieldError(atPath, undefined, 'string', node.type ?? 'object', detail) });
      };
      if (remaining <= 0) {
        nodeError(pointer, path, OUT_OF_BUDGET);
        stopped = true;
        return;
      }
      for (const [index, raw] of rules.entries()) {
        if (!isObject(raw) || typeof raw.rule !== 'string') continue;
        const rule = raw as unknown as ValidationRule;
        const rulePointer = `${schemaPointer}/x-kubernetes-validations/${index}`;
        if (/\boldSelf\b/.test(rule.rule)) {
          if (rule.optionalOldSelf === true)
            skipped.push({
              schemaPointer: rulePointer,
              rule: rule.rule,
              reason: 'optionalOldSelf rules are not evaluated',
            });
          continue;
        }
        const errorText = (rule.message ?? '').trim() || rule.rule.trim();
        // A list where a string with a format belongs passes the OpenAPI schema (structural-schema.ts);
        // cel-go then cannot read it as the string the rule's `self` is declared to be.
        if (node.type === 'string' && Array.isArray(value) && /\bself\b/.test(rule.rule)) {
          nodeError(pointer, path, `invalid data, expected string, got []interface {} evaluating rule: ${errorText}`);
          continue;
        }
        const program = compile(rule.rule);
        if (program instanceof Error) {
          skipped.push({ schemaPointer: rulePointer, rule: rule.rule, reason: summary(program) });
          continue;
        }
        const run = metered(() => program({ self }));
        if ('error' in run && run.error instanceof CostLimitExceeded) {
          nodeError(
            pointer,
            path,
            `'${run.error.message}': no further validation rules will be run due to call cost exceeds limit for rule: ${errorText}`,
          );
          stopped = true;
          return;
        }
        if (run.cost > remaining) {
          nodeError(pointer, path, OUT_OF_BUDGET);
          stopped = true;
          return;
        }
        remaining -= run.cost;
        if ('error' in run) {
          const { error } = run;
          const reason = summary(error);
          // A function, an overload or a type cel-js lacks says nothing about the object.
          if (!refusesObject(error)) {
            skipped.push({ schemaPointer: rulePointer, rule: rule.rule, reason });
            continue;
          }
          // The runtime error refuses the object; the API server shows the node's type as the value.
          nodeError(pointer, path, `${objectErrorDetail(error, reason)} evaluating rule: ${errorText}`);
          continue;
        }
        if (run.value === true) continue;
        const segments = (rule.fieldPath ? fieldPathSegments(rule.fieldPath) : undefined) ?? [];
        const at = appendPointer(pointer, ...segments.map((segment) => segment.name));
        const atPath = segments.reduce((p, segment) => child(p, segment.name, segment.keyed), path);
        const message = messageOf(rule, self, remaining);
        if ('stop' in message) {
          nodeError(at, atPath, message.stop);
          stopped = true;
          return;
        }
        remaining = message.remaining;
        const detail = message.text ?? ((rule.message ?? '').trim() || `failed rule: ${rule.rule.trim()}`);
        failures.push({ pointer: at, message: fieldError(atPath, rule.reason, node.type, value, detail) });
      }
    }
    if (Array.isArray(value)) {
      const items = itemSchema(node);
      if (items)
        for (const [i, item] of value.entries())
          visit(items, item, appendPointer(pointer, i), child(path, i, true), `${schemaPointer}/items`);
      return;
    }
    if (!isObject(value)) return;
    for (const [key, item] of Object.entries(value)) {
      const sub = fieldSchema(node, key);
      if (!sub) continue;
      // A declared field is `.name` in paths; a map's entry is `[name]`.
      const declared = declares(node, key);
      visit(
        sub,
        item,
        appendPointer(pointer, key),
        child(path, key, !declared),
        declared ? appendPointer(`${schemaPointer}/properties`, key) : `${schemaPointer}/additionalProperties`,
      );
    }
  };
  visit(schema, object, '', '', '');
  return { failures, skipped };
}

const OUT_OF_BUDGET = 'validation failed due to running out of cost budget, no further validation rules will be run';

/**
 * The text of a rule's `messageExpression`, when it evaluates to a non-empty single line, and
 * the budget left after it; or the error that stops the object's rules, when it runs out of
 * the budget or over the limit of a call (as evalMessageExpression of the API server).
 */
function messageOf(
  rule: ValidationRule,
  self: unknown,
  remaining: number,
): { text?: string; remaining: number } | { stop: string } {
  if (!rule.messageExpression) return { remaining };
  const program = compile(rule.messageExpression);
  if (program instanceof Error) return { remaining };
  const run = metered(() => program({ self }));
  if ('error' in run && run.error instanceof CostLimitExceeded)
    return {
      stop: `no further validation rules will be run due to call cost exceeds limit for messageExpression: ${JSON.stringify(rule.messageExpression)}`,
    };
  if (run.cost > remaining) return { stop: `messageExpression ${OUT_OF_BUDGET}` };
  const left = remaining - run.cost;
  if ('error' in run) return { remaining: left };
  const text = run.value;
  return typeof text === 'string' && text.trim() !== '' && !text.includes('\n')
    ? { text: text.trim(), remaining: left }
    : { remaining: left };
}
