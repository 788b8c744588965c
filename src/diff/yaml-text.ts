import { KUBECTL_SCHEMA, writeYaml } from '../load/yaml-options.js';

/**
 * The YAML of an object in a diff: block style, as kubectl reads it back (load/yaml-options.ts
 * `writeYaml`), so a string such as `"yes"` or `"1_000"` shows quoted, as it must be written.
 *
 * The text is `writeYaml`'s, byte for byte; building it through the yaml package's document
 * model costs most of a diff's time, though, so plain JSON is laid out here and only the
 * scalars the package would not print as they are (quoted strings, numbers, block scalars) are
 * printed by the package, in the same place. Anything else (a value that is not plain JSON)
 * goes to `writeYaml` whole.
 */
export function toYamlText(value: Record<string, unknown>): string {
  return blockYaml(value) ?? writeYaml(value);
}

const INDENT_STEP = '  ';

/** The text written so far. */
interface Out {
  text: string;
}

/** Thrown inside the walk for a value the layout below does not cover; `toYamlText` then asks the package. */
const UNSUPPORTED = Symbol('unsupported');

function blockYaml(value: Record<string, unknown>): string | undefined {
  if (!isPlainMap(value)) return undefined;
  if (isEmptyMap(value)) return '{}\n';
  const out: Out = { text: '' };
  try {
    writeMap(value, '', '', out);
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
  return out.text;
}

/**
 * A non-empty map at `indent`, its first line started by `prefix` (`- ` when it is a list item).
 * Each line ends with a line break, as the package's document does.
 */
function writeMap(map: Record<string, unknown>, indent: string, prefix: string, out: Out): void {
  let lead = prefix;
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    writeEntry(map[key], `${lead}${keyText(key)}:`, indent, true, out);
    lead = indent;
  }
}

/** A non-empty list at `indent`, its first line started by `prefix`. */
function writeSeq(items: readonly unknown[], indent: string, prefix: string, out: Out): void {
  let lead = prefix;
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw UNSUPPORTED;
    writeEntry(items[i], `${lead}-`, indent, false, out);
    lead = indent;
  }
}

/**
 * A value after its key (`name:`) or its dash (`-`), both at `indent`: a scalar or an empty
 * collection on the same line; a map or list below a key, one level deeper; a map or list in a
 * list starting on the dash's line (`- - a`, `- name: a`).
 */
function writeEntry(value: unknown, lead: string, indent: string, afterKey: boolean, out: Out): void {
  if (value === null || typeof value !== 'object') {
    out.text += `${lead} ${scalarText(value, indent)}\n`;
    return;
  }
  const inner = indent + INDENT_STEP;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw UNSUPPORTED;
    if (value.length === 0) out.text += `${lead} []\n`;
    else if (afterKey) {
      out.text += `${lead}\n`;
      writeSeq(value, inner, inner, out);
    } else writeSeq(value, inner, `${lead} `, out);
    return;
  }
  if (!isPlainMap(value)) throw UNSUPPORTED;
  if (isEmptyMap(value)) out.text += `${lead} {}\n`;
  else if (afterKey) {
    out.text += `${lead}\n`;
    writeMap(value, inner, inner, out);
  } else writeMap(value, inner, `${lead} `, out);
}

function isPlainMap(value: object): value is Record<string, unknown> {
  return Object.getPrototypeOf(value) === Object.prototype;
}

function isEmptyMap(map: Record<string, unknown>): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return false;
  return true;
}

/**
 * The tests of the schema's types other than string: the package quotes a string one of them
 * matches (`yes`, `1_000`, `~`), as kubectl would read it as something else. Taken from the
 * schema, so that the rules stay in one table (load/kubectl-scalars.ts).
 */
const NOT_STRING: readonly RegExp[] = [...KUBECTL_SCHEMA.tags, ...(KUBECTL_SCHEMA.compat ?? [])].flatMap((tag) =>
  'test' in tag && tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test ? [tag.test] : [],
);

/** The package's reasons not to print a string plain (stringifyString.js `plainString`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the package double-quotes a string with these
const CONTROL_CHARACTER = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const INDICATOR = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/** Keys longer than this are printed as explicit keys (`? key`) by the package. */
const MAX_IMPLICIT_KEY = 1024;

/**
 * Whether the package prints the string as it is, wherever it stands: one line, none of the
 * characters and patterns that need quotes, nothing another type would read it as.
 */
function printsPlain(text: string): boolean {
  if (text.includes('\n') || CONTROL_CHARACTER.test(text) || INDICATOR.test(text) || DOCUMENT_MARKER.test(text))
    return false;
  for (const test of NOT_STRING) if (test.test(text)) return false;
  return true;
}

/**
 * Whether the package prints the string the same way at any depth: one line, and not a
 * document marker (which the package handles by where it stands). Other strings are printed
 * by the package at their depth each time.
 */
function printsOnOneLine(text: string): boolean {
  return !text.includes('\n') && !DOCUMENT_MARKER.test(text);
}

/** Up to how many renderings of each kind are remembered; the cache starts over when full. */
const CACHE_LIMIT = 10_000;

/** The package's printing of the scalars that it does not print as they are, which repeat (`"8080"`, `"true"`, ports). */
const valueCache = new Map<string | number, string>();
const keyCache = new Map<string, string>();

function remember<K>(cache: Map<K, string>, key: K, text: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, text);
  return text;
}

/** A scalar after `key: ` or `- ` at `indent`, as the package prints it there. */
function scalarText(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string': {
      if (printsPlain(value)) return value;
      if (!printsOnOneLine(value)) return printedAt(value, indent.length / INDENT_STEP.length);
      return valueCache.get(value) ?? remember(valueCache, value, printedAt(value, 0));
    }
    case 'number':
      // A Map does not tell -0 from 0, which the package prints as `-0`.
      if (Object.is(value, -0)) return printedAt(value, 0);
      return valueCache.get(value) ?? remember(valueCache, value, printedAt(value, 0));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      // Only null reaches here: collections are laid out by writeEntry.
      return 'null';
    default:
      // undefined (which the package leaves out of a map), a bigint, a symbol, a function.
      throw UNSUPPORTED;
  }
}

/**
 * The scalar as the package prints it as the value of a key `depth` levels deep (a list item
 * at that depth gets the same text: both are printed one indentation step in); a block scalar
 * keeps its line breaks and indentation.
 */
function printedAt(value: unknown, depth: number): string {
  let document: unknown = { k: value };
  let prefix = `${INDENT_STEP.repeat(depth)}k: `;
  for (let level = depth - 1; level >= 0; level--) {
    document = { k: document };
    prefix = `${INDENT_STEP.repeat(level)}k:\n${prefix}`;
  }
  const text = writeYaml(document);
  if (!text.startsWith(prefix) || !text.endsWith('\n')) throw UNSUPPORTED;
  return text.slice(prefix.length, -1);
}

/** A map key as the package prints it. */
function keyText(key: string): string {
  if (key.length <= MAX_IMPLICIT_KEY && printsPlain(key)) return key;
  const known = keyCache.get(key);
  if (known !== undefined) return known;
  if (!printsOnOneLine(key)) throw UNSUPPORTED;
  const text = writeYaml({ [key]: 0 });
  if (!text.endsWith(': 0\n') || text.startsWith('? ')) throw UNSUPPORTED;
  const printed = text.slice(0, -': 0\n'.length);
  if (printed.includes('\n')) throw UNSUPPORTED;
  return remember(keyCache, key, printed);
}
