import { writeYaml } from '../load/yaml-options.js';

/**
 * Deep values of a plan in YAML. The yaml package prints nested collections recursively, with
 * many stack frames per level, and runs out of stack a few hundred levels down (a custom
 * resource with a map nested 650 deep), which JSON.stringify does not. Collections deeper than
 * FLOW_DEPTH, which no real object reaches, are written here instead: on one line, in flow
 * style (`{"a": [1, "x"]}`), by a loop with a stack of its own. Everything above them stays as
 * the package prints it.
 */
export const FLOW_DEPTH = 100;

type Collection = Record<string, unknown> | unknown[];

function isCollection(value: unknown): value is Collection {
  return value !== null && typeof value === 'object';
}

/** Characters YAML does not allow unescaped in a double-quoted scalar, or reads as line breaks, that JSON leaves as they are. */
const UNSAFE_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** A scalar in flow style: strings double-quoted (JSON escapes are YAML escapes), numbers as the package prints them. */
function flowScalar(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value).replace(UNSAFE_IN_YAML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number') return writeYaml(value).trim();
  return value === null || value === undefined ? 'null' : String(value);
}

/** A frame of the flow writer's stack: a collection, the entries still to write, and its closing bracket. */
interface Frame {
  entries: Array<[string | undefined, unknown]>;
  next: number;
  close: string;
}

function frameOf(value: Collection): Frame {
  return Array.isArray(value)
    ? { entries: value.map((item) => [undefined, item]), next: 0, close: ']' }
    : { entries: Object.entries(value), next: 0, close: '}' };
}

/** A value as one line of YAML flow style, at any depth. */
export function flowYaml(value: unknown): string {
  if (!isCollection(value)) return flowScalar(value);
  const parts: string[] = [Array.isArray(value) ? '[' : '{'];
  const stack: Frame[] = [frameOf(value)];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.entries.length) {
      parts.push(frame.close);
      stack.pop();
      continue;
    }
    const [key, item] = frame.entries[frame.next++]!;
    if (frame.next > 1) parts.push(', ');
    if (key !== undefined) parts.push(`${flowScalar(key)}: `);
    if (isCollection(item)) {
      parts.push(Array.isArray(item) ? '[' : '{');
      stack.push(frameOf(item));
    } else parts.push(flowScalar(item));
  }
  return parts.join('');
}

/**
 * The document with each collection at FLOW_DEPTH replaced by a placeholder string (copying
 * the collections above it), and the collections by placeholder; undefined when nothing is
 * that deep. Placeholders are strings that no value or key of the document contains.
 */
export function cutDeepValues(
  document: Record<string, unknown>,
): { document: Record<string, unknown>; deep: Map<string, Collection> } | undefined {
  // One walk with a stack: the depth of every collection, and every string, for the placeholder.
  let prefix = 'kubeplan-deep-value-';
  const strings: string[] = [];
  let deepest = 0;
  const walk: Array<[unknown, number]> = [[document, 0]];
  while (walk.length) {
    const [value, depth] = walk.pop()!;
    if (typeof value === 'string') strings.push(value);
    if (!isCollection(value)) continue;
    deepest = Math.max(deepest, depth);
    if (depth >= FLOW_DEPTH) continue;
    for (const [key, item] of Object.entries(value)) {
      if (!Array.isArray(value)) strings.push(key);
      walk.push([item, depth + 1]);
    }
  }
  if (deepest < FLOW_DEPTH) return undefined;
  while (strings.some((s) => s.includes(prefix))) prefix += 'x';

  const deep = new Map<string, Collection>();
  const cut = (value: Collection, depth: number): Collection => {
    if (depth === FLOW_DEPTH) return value;
    const copy: Collection = Array.isArray(value) ? [...value] : { ...value };
    for (const [key, item] of Object.entries(copy)) {
      if (!isCollection(item)) continue;
      if (depth + 1 === FLOW_DEPTH) {
        const placeholder = `${prefix}${deep.size}`;
        deep.set(placeholder, item);
        (copy as Record<string, unknown>)[key] = placeholder;
      } else (copy as Record<string, unknown>)[key] = cut(item, depth + 1);
    }
    return copy;
  };
  return { document: cut(document, 0) as Record<string, unknown>, deep };
}
