import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { load } from 'js-yaml';
import { KUBECTL_FAST_SCHEMA } from '../../src/load/kubectl-scalars.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { writeYaml, YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../../src/load/yaml-options.js';

/** Strings that a careless YAML writer prints as something a YAML 1.1 reader takes for another value. */
const TRICKY = [
  // Booleans and nulls of YAML 1.1, in every spelling, and near misses.
  ...'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF'.split(' '),
  ...['~', 'null', 'Null', 'NULL', '', 'tRUE', 'nil', 'None'],
  // Integers: decimal, octal, hex, binary, with signs and underscores.
  ...['0', '-0', '+1', '42', '0644', '08', '0o17', '0O17', '0x1F', '0X1F', '-0x1F', '0b101', '0B1', '-0b1', '+0b1'],
  ...['1_000', '1__0', '0_', '-_1', '0b_1', '0_b1', '0x_1F', '9223372036854775808', '99999999999999999999'],
  // Floats.
  ...['1.0', '1.', '.5', '-.5', '+.5', '1e3', '1E3', '1e+3', '.5e3', '1.e3', '1_000.5', '1e3_', '.5_0'],
  ...['.inf', '-.inf', '+.Inf', '.nan', '.NaN', '.NAN', 'inf', 'NaN', 'e5', '.', '._5', '-.'],
  // Base 60 and timestamps (strings to kubectl), and merge keys.
  ...['22:22', '1:20:30', '-1:30', '190:20:30.15', '2024-01-31', '2001-12-14t21:59:43.10-05:00', '2024-1-2 3:4:5'],
  ...['<<', '<< ', '='],
  // Indicators, comments and spaces.
  ...[
    ' lead',
    'trail ',
    ' ',
    '  ',
    '\t',
    'a\tb',
    '#',
    '# c',
    'a #b',
    'a# b',
    'a: b',
    'a:b',
    'a:',
    ':',
    ': a',
    '- a',
    '-',
  ],
  ...[
    '--',
    '---',
    '--- a',
    '...',
    '? a',
    '?',
    '&a',
    '*a',
    '!a',
    '!!str',
    '%YAML',
    '@a',
    '`a',
    '|',
    '>',
    '[a]',
    '{a: 1}',
  ],
  ...['"q"', "'s'", "it's", 'a,b', ',', '\\', 'back\\slash'],
  // Several lines, and text that is not ASCII.
  ...[
    'a\nb',
    'a\nb\n',
    'a\n\nb\n\n',
    '\n',
    '\na',
    ' a\nb',
    'a \nb',
    'a\n b',
    '---\na',
    'a\n---\nb',
    'a\n...\n',
    ' \n',
    '  \n\n',
    ' \t\n',
    '\n \n',
  ],
  ...['é', 'naïve', '日本語', '😀', 'a\u00a0b', '\u2028', 'zero\u200bwidth', 'bell\u0007', 'cr\r', 'cr\rlf\r\n'],
];

/** mulberry32: a small seeded PRNG, so the generated strings are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Short strings made of the characters that matter to YAML scalars. */
function generated(count: number): string[] {
  const alphabet = [...' #:-?~01789._+eExXbBoOyYnN\n"\'!&*|>%@`{}[],\t<=é😀'];
  const next = random(20260101);
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

/** A manifest that holds `s` as a value, a key, a list item and a nested value. */
function manifestWith(strings: string[]): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'round-trip', annotations: Object.fromEntries(strings.map((s, i) => [`a${i}`, s])) },
    data: Object.fromEntries(strings.map((s, i) => [s, `${i}`])),
    list: strings,
    nested: strings.map((s) => ({ [s]: [{ v: s }] })),
  };
}

describe('YAML written by kubeplan reads back as the same value', () => {
  it.each([
    ['tricky strings', TRICKY],
    ['generated strings', generated(1500)],
  ])('%s, through both parsers', (_name, strings) => {
    // Keys must be unique in one map: each string once.
    const object = manifestWith([...new Set(strings)]);
    const text = writeYaml(object);
    const full = parseAllDocuments(text, YAML_PARSE_OPTIONS);
    expect(full.flatMap((d) => d.errors.map((e) => e.message))).toEqual([]);
    expect(full[0]!.toJS(YAML_TO_JS_OPTIONS)).toEqual(object);
    // The fast parser's reading, without its check for anchor-like characters (which sends
    // files with `&` or `*` after a space to the full parser).
    expect(load(text, { schema: KUBECTL_FAST_SCHEMA })).toEqual(object);
    // The loader as kubeplan runs it.
    const { manifests, findings } = parseManifests('written.yaml', text);
    expect(findings).toEqual([]);
    expect(manifests.map((m) => m.object)).toEqual([object]);
  });

  it('keeps numbers, booleans and null as they are', () => {
    const values = [0, -1, 42, 420, 2.5, -0.5, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, true, false, null];
    const text = writeYaml({ values });
    expect(text).toBe(
      'values:\n  - 0\n  - -1\n  - 42\n  - 420\n  - 2.5\n  - -0.5\n  - 1e+21\n  - 1.5e-7\n  - 9007199254740991\n  - true\n  - false\n  - null\n',
    );
    expect(parseAllDocuments(text, YAML_PARSE_OPTIONS)[0]!.toJS()).toEqual({ values });
  });
});
