import { dig } from './json.js';

/** RFC 6901 JSON pointers: `/spec/template/spec/containers/0/image`. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function appendPointer(pointer: string, ...segments: Array<string | number>): string {
  return pointer + formatPointer(segments);
}

/**
 * The field path people read in messages: `spec.template.spec.containers[0].image`.
 * Keys that are not plain identifiers are quoted: `metadata.labels["app.kubernetes.io/name"]`.
 */
export function fieldPath(pointer: string): string {
  let out = '';
  for (const segment of parsePointer(pointer)) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The value at `pointer` in `value`, or undefined when any step is missing. Steps read as `dig`
 * reads keys: own properties only, list items by their index (`/x/length` and
 * `/metadata/constructor` are missing, not a number and a function).
 */
export function valueAt(value: unknown, pointer: string): unknown {
  return dig(value, ...parsePointer(pointer));
}

/**
 * `root` with the value at `pointer` replaced, copying only the maps and lists on the way (the
 * rest is shared with `root`, which is never changed). A pointer that is not there leaves `root`.
 */
export function withValueAt<T>(root: T, pointer: string, value: unknown): T {
  const path = parsePointer(pointer);
  const copies: object[] = [];
  let at: unknown = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return root;
    copies.push(at);
    at = (at as Record<string, unknown>)[key];
  }
  let replacement = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = copies[i]!;
    const copy = Array.isArray(parent) ? [...parent] : { ...parent };
    (copy as Record<string, unknown>)[path[i]!] = replacement;
    replacement = copy;
  }
  return replacement as T;
}
