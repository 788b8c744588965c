import type { ErrorObject } from 'ajv';
import { appendPointer, fieldPath, valueAt } from '../model/json-pointer.js';
import { closestName } from '../validate/suggest.js';

/** A problem in `.kubeplan.yaml`, at the position of the key or value concerned. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What an ajv error becomes: a message, and where it points (`key` for an unknown key). */
export interface DescribedError {
  pointer: string;
  target: 'key' | 'value';
  message: string;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function where(pointer: string): string {
  return pointer ? fieldPath(pointer) : 'the top level';
}

/**
 * The branch of an `anyOf` that fits the value's type (a severity string or an options map),
 * so a rule entry gets the errors of that branch rather than of both.
 */
function relevant(errors: readonly ErrorObject[], config: unknown): ErrorObject[] {
  const branches = errors.filter((e) => e.keyword === 'anyOf');
  return errors.filter((e) => {
    if (e.keyword === 'anyOf') return false;
    const owner = branches.find(
      (b) =>
        e.schemaPath.startsWith(b.schemaPath.replace(/\/anyOf$/, '/anyOf/')) &&
        e.instancePath.startsWith(b.instancePath),
    );
    if (!owner) return true;
    const value = valueAt(config, owner.instancePath);
    const branch = e.schemaPath.slice(owner.schemaPath.length + 1).split('/')[0];
    return typeof value === 'string'
      ? branch === '0'
      : value !== null && typeof value === 'object' && !Array.isArray(value)
        ? branch === '1'
        : branch === '0' && e.keyword === 'type';
  });
}

/** Turns ajv's errors into messages that name the bad key, one per problem, in document order. */
export function describeConfigErrors(errors: readonly ErrorObject[], config: unknown): DescribedError[] {
  const out: DescribedError[] = [];
  const seen = new Set<string>();
  for (const e of relevant(errors, config)) {
    const value = valueAt(config, e.instancePath);
    let d: DescribedError;
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closestName(key, known);
      const what = e.instancePath === '/rules' ? 'unknown rule' : 'unknown key';
      d = {
        pointer: appendPointer(e.instancePath, key),
        target: 'key',
        message: `${what} "${key}" in ${where(e.instancePath)}${guess ? `; did you mean "${guess}"?` : ''}`,
      };
    } else if (e.keyword === 'type' && e.instancePath === '/kubernetesVersion' && typeof value === 'number') {
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `kubernetesVersion: write the version in quotes (e.g. "1.30"): YAML reads ${String(value)} as a number`,
      };
    } else if (e.keyword === 'type') {
      const expected = (e.params as { type: string | string[] }).type;
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: expected ${Array.isArray(expected) ? expected.join(' or ') : expected}, got ${describeValue(value)}`,
      };
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ');
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: ${JSON.stringify(value)} is not one of ${allowed}`,
      };
    } else if (e.keyword === 'pattern' && e.instancePath === '/kubernetesVersion') {
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `kubernetesVersion: ${JSON.stringify(value)} is not a Kubernetes version such as "1.36"`,
      };
    } else if (e.keyword === 'pattern') {
      const hint =
        (e.parentSchema as { description?: string } | undefined)?.description ??
        `it must match ${(e.params as { pattern: string }).pattern}`;
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: ${JSON.stringify(value)} is not allowed: ${hint}`,
      };
    } else if (e.keyword === 'required') {
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: missing required key "${(e.params as { missingProperty: string }).missingProperty}"`,
      };
    } else if (e.keyword === 'minimum' || e.keyword === 'maximum') {
      const { comparison, limit } = e.params as { comparison: string; limit: number };
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: must be ${comparison} ${limit}, got ${JSON.stringify(value)}`,
      };
    } else if (e.keyword === 'minItems' || e.keyword === 'minLength') {
      d = { pointer: e.instancePath, target: 'value', message: `${where(e.instancePath)}: must not be empty` };
    } else {
      d = {
        pointer: e.instancePath,
        target: 'value',
        message: `${where(e.instancePath)}: ${e.message ?? 'is invalid'}`,
      };
    }
    const key = `${d.pointer}|${d.message}`;
    if (!seen.has(key)) out.push(d);
    seen.add(key);
  }
  return out;
}
