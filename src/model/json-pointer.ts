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
