import { defineMappingTag, defineScalarTag, mapTag, mergeTag, NOT_RESOLVED, Schema, seqTag, strTag } from 'js-yaml';
import type { ScalarTag } from 'yaml';
import { stringifyNumber } from 'yaml/util';

/**
 * What an unquoted scalar means to kubectl. kubectl reads YAML with go-yaml v2, a YAML 1.1
 * reader, into untyped JSON: `yes`/`on`/`y` are booleans, `0644` is the octal 420 (a file mode),
 * `0o17`, `0x1F`, `0b101` and `1_000` are integers, `1e3` is a float. Timestamps and `22:22`
 * stay strings (go-yaml gives untyped timestamps back as their text and has no base-60
 * numbers), and so do lookalikes the YAML 1.1 types would take but go-yaml does not: `e5`, `.`,
 * `0x_`, `.Nan`, `inf`.
 *
 * This table is the one statement of those rules: the full parser's schema is built on it
 * (yaml-options.ts), the fast parser's tag below applies it, and the YAML kubeplan prints
 * quotes every string one of its patterns matches. test/load/kubectl-scalars.test.ts holds
 * the values go-yaml gives for the edge cases.
 */

/**
 * go-yaml tries numbers only on a scalar that starts with a sign or a digit, and drops every
 * underscore first. An integer is then what Go's `strconv.ParseInt(s, 0, 64)` accepts: a `0x`,
 * `0o` or `0b` prefix in either case, a leading `0` for octal, or decimal. The patterns allow
 * an underscore anywhere after the first character for that reason.
 */
const INT =
  /^(?=[-+0-9])[-+]?_*(?:0_*[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|0_*[oO]_*[0-7][0-7_]*|0_*[bB]_*[01][01_]*|0[0-7_]*|[1-9][0-9_]*)$/;

/**
 * A float is then `[-+]?(\.d+|d+(\.d*)?)([eE][-+]?d+)?` (underscores dropped); a scalar that
 * starts with `.` is a float only if Go's `strconv.ParseFloat` reads it, which allows an
 * underscore only between two digits.
 */
const FLOAT =
  /^(?:(?=[-+0-9])[-+]?_*(?:\.[0-9_]*[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE]_*[-+]?_*[0-9][0-9_]*)?|\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?)$/;

function parseInteger(source: string): number {
  const text = source.replace(/_/g, '');
  const negative = text.startsWith('-');
  const digits = /^[-+]/.test(text) ? text.slice(1) : text;
  // A leading zero means octal in Go; JavaScript's Number() would read `017` as decimal.
  const n = /^0[0-7]+$/.test(digits) ? Number.parseInt(digits, 8) : Number(digits);
  return negative ? -n : n;
}

const isNumber = (value: unknown): boolean => typeof value === 'number';

/** The rules, in the order they are tried: the first whose pattern matches gives the value. */
export const KUBECTL_SCALAR_TAGS: readonly ScalarTag[] = [
  {
    tag: 'tag:yaml.org,2002:null',
    default: true,
    test: /^(?:~|null|Null|NULL)?$/,
    identify: (value) => value === null || value === undefined,
    resolve: () => null,
    stringify: () => 'null',
  },
  {
    tag: 'tag:yaml.org,2002:bool',
    default: true,
    test: /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/,
    identify: (value) => value === true,
    resolve: () => true,
    stringify: () => 'true',
  },
  {
    tag: 'tag:yaml.org,2002:bool',
    default: true,
    test: /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/,
    identify: (value) => value === false,
    resolve: () => false,
    stringify: () => 'false',
  },
  {
    tag: 'tag:yaml.org,2002:float',
    default: true,
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    identify: (value) => typeof value === 'number' && !Number.isFinite(value),
    resolve: (source) =>
      source.endsWith('nan') || source.endsWith('NaN') || source.endsWith('NAN')
        ? Number.NaN
        : source.startsWith('-')
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber,
  },
  {
    tag: 'tag:yaml.org,2002:int',
    default: true,
    test: INT,
    identify: (value) => Number.isInteger(value),
    resolve: parseInteger,
    stringify: stringifyNumber,
  },
  {
    tag: 'tag:yaml.org,2002:float',
    default: true,
    test: FLOAT,
    identify: isNumber,
    resolve: (source) => Number.parseFloat(source.replace(/_/g, '')),
    stringify: stringifyNumber,
  },
];

function noError(): void {}

/**
 * The fast parser (js-yaml) applies the table with one implicit tag. Separate tags per type
 * would be tried in js-yaml's own order (by first character), which is not the table's order.
 */
const kubectlScalar = defineScalarTag<unknown>('tag:kubeplan,2024:plain', {
  implicit: true,
  implicitFirstChars: null,
  resolve: (source, isExplicit) => {
    if (isExplicit) return NOT_RESOLVED;
    for (const rule of KUBECTL_SCALAR_TAGS) if (rule.test!.test(source)) return rule.resolve(source, noError, {});
    return NOT_RESOLVED;
  },
  identify: () => false,
});

/**
 * js-yaml's object map, except that a null key (`~:`, `null:`, an empty key) sends the document
 * to the full parser: js-yaml names it "null" where the full parser names it "" (see
 * source-map.ts `keyName`). kubectl refuses such a document anyway.
 */
const kubectlMap = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: mapTag.create,
  identify: mapTag.identify,
  represent: mapTag.represent,
  has: mapTag.has,
  keys: mapTag.keys,
  get: mapTag.get,
  addPair: (map, key, value) => (key === null ? 'a null key' : mapTag.addPair(map, key, value)),
});

export const KUBECTL_FAST_SCHEMA = new Schema([strTag, seqTag, kubectlMap, mergeTag, kubectlScalar]);
