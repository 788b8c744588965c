import { stringify } from 'yaml';

const OPTIONS = { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false } as const;

/** Words a YAML 1.1 reader (kubectl) takes for booleans or null: always quoted. */
const YAML11_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/**
 * Strings that are plain scalars for every YAML reader and that the `yaml` package prints
 * plain too: a letter, `/` or `_` first, then word characters and common punctuation, single
 * spaces inside, and no `: ` or ` #` that would start a mapping or a comment.
 */
const PLAIN = /^[A-Za-z_/][\w./@+$()=,;~:%?&*!'-]*(?: [\w./@+$()=,;~:%?&*!'-]+)*$/;

function isPlain(text: string): boolean {
  return (
    PLAIN.test(text) && !(text.length <= 5 && YAML11_WORDS.test(text)) && !text.endsWith(':') && !text.includes(': ')
  );
}

/**
 * A scalar as it follows `key: ` (or `- ` in a sequence): plain when safe, else as the package
 * prints it in the same place (a block scalar for a multi-line string, re-indented under
 * `indent`: its indentation indicator is relative to the parent).
 */
function scalar(value: unknown, indent: string, inSequence = false): string {
  if (typeof value === 'string') {
    if (isPlain(value)) return value;
    if (YAML11_WORDS.test(value)) return JSON.stringify(value);
  } else if (value === null || value === undefined) {
    return 'null';
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const printed = inSequence ? stringify([value], OPTIONS).slice(2) : stringify({ k: value }, OPTIONS).slice(3);
  const [first, ...rest] = printed.replace(/\n$/, '').split('\n');
  return [first, ...rest.map((l) => (l ? indent + l : l))].join('\n');
}

/** A mapping key as the package prints it. */
function key(name: string): string {
  return isPlain(name) ? name : stringify({ [name]: 0 }, OPTIONS).replace(/: 0\n$/, '');
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return (
    value !== null &&
    typeof value === 'object' &&
    (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0)
  );
}

function emptyCollection(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return '{}';
  return undefined;
}

/** Appends `value` as the content of a node at `indent` (its first line already started by `prefix`). */
function emit(value: unknown, indent: string, out: string[], prefix: string): void {
  if (Array.isArray(value) && value.length) {
    value.forEach((item, i) => {
      const lead = i === 0 ? `${prefix}- ` : `${indent}- `;
      if (isCollection(item)) emit(item, `${indent}  `, out, lead);
      else out.push(`${lead}${emptyCollection(item) ?? scalar(item, indent, true)}`);
    });
    return;
  }
  Object.entries(value as Record<string, unknown>).forEach(([name, child], i) => {
    const lead = `${i === 0 ? prefix : indent}${key(name)}:`;
    if (!isCollection(child)) {
      out.push(`${lead} ${emptyCollection(child) ?? scalar(child, indent)}`);
      return;
    }
    out.push(lead);
    emit(child, `${indent}  `, out, `${indent}  `);
  });
}

/**
 * Block-style YAML of a JSON value, as the `yaml` package prints it (two-space indents,
 * sequences indented under their key, no line folding, no anchors), several times faster for
 * the plain strings that make up most manifests; other strings are printed by the package.
 * Words YAML 1.1 reads as booleans or null (`yes`, `on`) are quoted, as kubectl needs.
 */
export function toYamlText(value: Record<string, unknown>): string {
  if (!isCollection(value)) return '{}\n';
  const out: string[] = [];
  emit(value, '', out, '');
  return `${out.join('\n')}\n`;
}
