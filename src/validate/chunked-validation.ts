import type { ErrorObject } from 'ajv';
import type { CompiledValidator } from './builtin-validators.js';
import { formatPointer } from '../model/json-pointer.js';

/**
 * Entries of one map or list a validator sees at a time. The precompiled validators of the
 * built-in kinds append a sub-validator's errors with `vErrors.concat(...)`, copying the errors
 * found so far for every failing entry: 100,000 label values that are not strings took 24 s,
 * quadratic in the failing entries. A chunk bounds each copy; the number of runs grows with the
 * size of the collection only.
 */
export const CHUNK = 1000;

type Path = Array<string | number>;

interface LargeCollection {
  path: Path;
  value: Record<string, unknown> | unknown[];
  keys: string[];
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * The maps and lists of more than CHUNK entries that are inside no other such collection. A
 * collection met again (a YAML alias, or one containing itself) is walked once: a cycle must not
 * make the walk endless (the validator then meets it as before).
 */
function largeCollections(value: unknown): LargeCollection[] {
  const found: LargeCollection[] = [];
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; path: Path }> = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (!isCollection(v) || seen.has(v)) continue;
    seen.add(v);
    const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
    if (keys.length > CHUNK) {
      found.push({ path, value: v, keys });
      continue;
    }
    for (const key of keys) {
      const child = Array.isArray(v) ? v[Number(key)] : v[key];
      if (isCollection(child)) stack.push({ value: child, path: [...path, Array.isArray(v) ? Number(key) : key] });
    }
  }
  return found;
}

/** The collection's entries from `start`, at most CHUNK of them, as the same kind of collection. */
function slice(collection: LargeCollection, start: number): Record<string, unknown> | unknown[] {
  const { value, keys } = collection;
  if (Array.isArray(value)) return value.slice(start, start + CHUNK);
  const part: Record<string, unknown> = Object.create(null);
  for (const key of keys.slice(start, start + CHUNK)) part[key] = value[key];
  return part;
}

/** A copy of `value` along `path` only, with `replacement` at its end. */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: replaceAt(record[head as string], rest, replacement) };
}

/** Every collection cut to its first chunk: what the validator sees on its first run. */
function firstChunks(value: unknown, collections: readonly LargeCollection[]): unknown {
  return collections.reduce((v, c) => replaceAt(v, c.path, slice(c, 0)), value);
}

/**
 * The errors of one chunk of a list start from index 0 in the run that saw only that chunk:
 * they are moved to the items' own indexes. Map keys stay what they are.
 */
function shifted(error: ErrorObject, prefix: string, offset: number, isList: boolean): ErrorObject {
  if (!isList || offset === 0) return error;
  const rest = error.instancePath.slice(prefix.length + 1);
  const slash = rest.indexOf('/');
  const index = Number(slash === -1 ? rest : rest.slice(0, slash)) + offset;
  const tail = slash === -1 ? '' : rest.slice(slash);
  return { ...error, instancePath: `${prefix}/${index}${tail}` };
}

/**
 * The errors of `validate` on `value`, the same as one run gives, in time linear in the size of
 * its maps and lists: a map or list of more than CHUNK entries is validated a chunk at a time
 * (the rest of the object cut to its first chunks, whose errors come from the first run), and
 * only the errors inside that chunk are kept from each later run.
 */
export function validateInChunks(validate: CompiledValidator, value: unknown): ErrorObject[] {
  const collections = largeCollections(value);
  if (collections.length === 0) return validate(value) ? [] : [...(validate.errors ?? [])];
  const base = firstChunks(value, collections);
  const errors = validateInChunks(validate, base);
  for (const collection of collections) {
    const prefix = formatPointer(collection.path);
    const isList = Array.isArray(collection.value);
    for (let start = CHUNK; start < collection.keys.length; start += CHUNK) {
      const variant = replaceAt(base, collection.path, slice(collection, start));
      for (const error of validateInChunks(validate, variant)) {
        if (error.instancePath.startsWith(`${prefix}/`)) errors.push(shifted(error, prefix, start, isList));
      }
    }
  }
  return errors;
}
