import { formatPointer, parsePointer } from '../model/json-pointer.js';
import { BUILTIN_INDEX } from './builtin-index/index.generated.js';
import { shortTypeName } from './builtin-kinds.js';
import { closestName } from './suggest.js';
import { isObject } from '../model/json.js';

export interface UnknownField {
  pointer: string;
  field: string;
  /** The type that does not have the field, e.g. `DeploymentSpec`. */
  typeName: string;
  /** A known field of the same type that the name looks like a typo of. */
  didYouMean?: string;
  /** Where the field would be valid, when it was put at the wrong level (`template.spec.containers`). */
  belongsAt?: string;
}

const types = BUILTIN_INDEX.types;

/**
 * The shape of `field` in a type of the index, undefined when the type has no such field. The
 * index is a plain object and field names come from the manifest: a key such as `constructor`
 * or `toString` must not find Object.prototype's function.
 */
function fieldShape(type: string, field: string): string | undefined {
  const fields = Object.hasOwn(types, type) ? types[type] : undefined;
  return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/**
 * Finds a field that was indented at the wrong level: the shortest path below `type` (at most
 * three levels down, status excluded) whose last step is `field`.
 */
function findDeeper(type: string, field: string): string | undefined {
  let frontier: Array<{ type: string; path: string[] }> = [{ type, path: [] }];
  const visited = new Set([type]);
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const next: typeof frontier = [];
    for (const { type: t, path } of frontier) {
      for (const [name, shape] of Object.entries(types[t] ?? {})) {
        if (name === 'status') continue;
        const inner = shape.replace(/^(\[\]|\{\})+/, '');
        if (!inner.startsWith('#')) continue;
        const child = inner.slice(1);
        const childPath = [...path, shape.startsWith('[]') ? `${name}[]` : name];
        if (fieldShape(child, field) !== undefined) return [...childPath, field].join('.');
        if (!visited.has(child) && !shape.startsWith('{}')) {
          visited.add(child);
          next.push({ type: child, path: childPath });
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * Walks `value` as a `shape`, collecting unknown fields. `path` is the pointer's segments, kept
 * as a mutable stack so that no pointer string is built for the (many) fields that are fine.
 */
function walk(value: unknown, shape: string, path: Array<string | number>, out: UnknownField[]): void {
  if (shape.startsWith('[]')) {
    if (!Array.isArray(value)) return;
    const inner = shape.slice(2);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], inner, path, out);
      path.pop();
    }
    return;
  }
  if (shape.startsWith('{}')) {
    if (!isObject(value)) return;
    const inner = shape.slice(2);
    if (inner === 'scalar') return;
    for (const key of Object.keys(value)) {
      path.push(key);
      walk(value[key], inner, path, out);
      path.pop();
    }
    return;
  }
  if (shape.charCodeAt(0) !== 35 /* # */ || !isObject(value)) return;
  const type = shape.slice(1);
  if (!Object.hasOwn(types, type)) return;
  for (const key of Object.keys(value)) {
    const inner = fieldShape(type, key);
    path.push(key);
    if (inner === undefined) out.push(describeUnknown(type, key, formatPointer(path)));
    else if (inner !== 'scalar') walk(value[key], inner, path, out);
    path.pop();
  }
}

function describeUnknown(type: string, key: string, pointer: string): UnknownField {
  const found: UnknownField = { pointer, field: key, typeName: shortTypeName(type) };
  const fields = types[type] ?? {};
  const didYouMean = closestName(key, Object.keys(fields));
  if (didYouMean) found.didYouMean = didYouMean;
  else {
    const belongsAt = findDeeper(type, key);
    if (belongsAt) found.belongsAt = belongsAt;
  }
  return found;
}

/** Fields of `object` that its built-in type (e.g. `IoK8sApiAppsV1Deployment`) does not define. */
export function findUnknownFields(object: unknown, type: string, pointer = ''): UnknownField[] {
  const out: UnknownField[] = [];
  walk(object, `#${type}`, parsePointer(pointer), out);
  return out;
}
