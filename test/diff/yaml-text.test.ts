import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { normalizeObject } from '../../src/diff/normalize.js';
import { toYamlText } from '../../src/diff/yaml-text.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { writeYaml } from '../../src/load/yaml-options.js';

/** The package's own YAML 1.2 output: the style the diff text keeps. */
const yamlPackage = (value: unknown): string =>
  stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });

/**
 * Whether a value holds a string YAML 1.2 prints plain but kubectl would read as something
 * else: the only place the diff text differs from the package's YAML 1.2 output.
 */
function hasYaml11Scalar(value: unknown): boolean {
  if (typeof value === 'string') return /^(?:y|yes|n|no|on|off)$/i.test(value) || /^[-+]?[0-9][0-9_]*$/.test(value);
  return value !== null && typeof value === 'object' && Object.values(value).some(hasYaml11Scalar);
}

describe('toYamlText', () => {
  it('prints what the yaml package prints, for every object of the fixtures as written and normalized', async () => {
    const { manifests } = await loadManifests(['fixtures/diff', 'fixtures/demo', 'fixtures/current']);
    expect(manifests.length).toBeGreaterThan(60);
    for (const { object } of manifests.filter((m) => !hasYaml11Scalar(m.object))) {
      expect(toYamlText(object)).toBe(yamlPackage(object));
      expect(toYamlText(normalizeObject(object))).toBe(yamlPackage(normalizeObject(object)));
    }
  });

  it('prints awkward strings, keys, nesting and empty collections like the package', () => {
    const value = {
      strings: [
        'a: b',
        'x #y',
        '-lead',
        '1.0',
        '0x1F',
        '"q"',
        "it's",
        'key: ',
        '',
        ' padded',
        'tab\there',
        'é',
        '*** (before)',
        'a,b;c',
        'nginx:1.27.3',
        'ends:',
      ],
      multi: { text: 'line 1\nline 2\n', kept: '  indented\nnext', last: 'no newline\nat end' },
      'k:{"name":"api"}': { '.': {} },
      nested: [[1, [2, 3]], [], {}, [{ a: [{ b: null }] }]],
      numbers: [0, -1, 2.5, 1e21],
      flags: [true, false, null],
    };
    expect(toYamlText(value)).toBe(yamlPackage(value));
  });

  it('quotes the words a YAML 1.1 reader would take for booleans or null', () => {
    expect(toYamlText({ a: 'yes', b: 'on', c: 'Off', d: 'y', e: 'N', f: 'null', g: '~' })).toBe(
      'a: "yes"\nb: "on"\nc: "Off"\nd: "y"\ne: "N"\nf: "null"\ng: "~"\n',
    );
  });

  it('quotes the strings kubectl would read as numbers, which YAML 1.2 leaves plain', () => {
    const value = { a: '1_000', b: '0b101', c: '-0b1', d: '1__0', e: '0O17', f: '0X1F', g: '1e3_', h: '-_1' };
    expect(toYamlText(value)).toBe(
      'a: "1_000"\nb: "0b101"\nc: "-0b1"\nd: "1__0"\ne: "0O17"\nf: "0X1F"\ng: "1e3_"\nh: "-_1"\n',
    );
  });

  it('quotes such strings as keys and list items too, and a "<<" key, which would read as a merge', () => {
    expect(toYamlText({ yes: ['1_000', 'on'], '<<': { '0b1': 'x' } })).toBe(
      '"yes":\n  - "1_000"\n  - "on"\n"<<":\n  "0b1": x\n',
    );
  });

  it('quotes a string of blanks and line breaks, which a block scalar would lose', () => {
    expect(toYamlText({ a: ' \n', b: '\n', c: 'x \n' })).toBe('a: "\\ \\n"\nb: |+\n  \nc: |\n  x \n');
  });

  it('leaves plain the strings kubectl reads as strings, as before', () => {
    expect(toYamlText({ a: '22:22', b: '2024-01-31', c: 'e5', d: '.', e: '1.2.3', f: '_1' })).toBe(
      'a: 22:22\nb: 2024-01-31\nc: e5\nd: .\ne: 1.2.3\nf: _1\n',
    );
  });
});

/** mulberry32: a small seeded PRNG, so the generated values are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Short strings of the characters that matter to YAML scalars: plain, quoted, block and marker cases. */
function strings(count: number, next: () => number): string[] {
  const alphabet = [...' #:-?~01789._+eExXbBoOyYnN\n"\'!&*|>%@`{}[],\t<=é😀\u0007\r'];
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

/** A value of nested maps and lists, `depth` levels at most, with the given strings and some numbers. */
function nested(depth: number, next: () => number, pick: () => unknown): unknown {
  const roll = next();
  if (depth === 0 || roll < 0.3) return pick();
  const size = Math.floor(next() * 4);
  if (roll < 0.65) return Array.from({ length: size }, () => nested(depth - 1, next, pick));
  const map: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) map[String(pick())] = nested(depth - 1, next, pick);
  return map;
}

describe('toYamlText lays out plain JSON itself and prints exactly what writeYaml prints', () => {
  it('for every object of the fixtures, as written and normalized', async () => {
    const { manifests } = await loadManifests(['fixtures']);
    expect(manifests.length).toBeGreaterThan(400);
    for (const { object } of manifests) {
      expect(toYamlText(object)).toBe(writeYaml(object));
      expect(toYamlText(normalizeObject(object))).toBe(writeYaml(normalizeObject(object)));
    }
  });

  it('for awkward strings as keys, values and list items at every depth', () => {
    const next = random(20261201);
    const texts = [
      ...strings(3000, next),
      '---',
      '--- a',
      '...',
      '%x',
      'a\n---\nb',
      '\n',
      ' \n',
      'a\n\nb\n\n',
      '  lead\nnext\n',
      'x'.repeat(1100),
    ];
    const values = [...texts, 0, -0, 1, 2.5, 1e21, 1.5e-7, -3, true, false, null];
    const pick = (): unknown => values[Math.floor(next() * values.length)];
    for (let i = 0; i < 400; i++) {
      const value = { root: nested(6, next, pick), [String(pick())]: nested(4, next, pick) };
      expect(toYamlText(value)).toBe(writeYaml(value));
    }
    // Each string once as a key, a value and a list item, at the top and three levels down.
    const flat = Object.fromEntries(texts.map((t, i) => [t, [t, { [t]: t, i }]]));
    expect(toYamlText(flat)).toBe(writeYaml(flat));
    expect(toYamlText({ a: { b: [{ c: flat }] } })).toBe(writeYaml({ a: { b: [{ c: flat }] } }));
  });

  it('prints a repeated quoted scalar the same every time (its printing is remembered)', () => {
    const value = { port: '8080', again: ['8080', { '8080': 8080 }], flag: 'yes', n: 8080, m: -0 };
    const first = toYamlText(value);
    expect(first).toBe(writeYaml(value));
    expect(first).toBe('port: "8080"\nagain:\n  - "8080"\n  - "8080": 8080\nflag: "yes"\n"n": 8080\nm: -0\n');
    // More distinct scalars than are remembered: the cache starts over and still prints each right.
    const many = Object.fromEntries(Array.from({ length: 10_500 }, (_, i) => [String(i), String(i)]));
    expect(toYamlText(many)).toBe(writeYaml(many));
    expect(toYamlText(value)).toBe(first);
  });

  it('leaves values that are not plain JSON to writeYaml', () => {
    const date = new Date(Date.UTC(2026, 0, 2));
    const noPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    for (const value of [
      { at: date },
      { undefinedValue: undefined, kept: 1 },
      { list: [1, undefined, 3] },
      // biome-ignore lint/suspicious/noSparseArray: a list with a hole
      { sparse: [1, , 3] },
      { noPrototype },
      { set: new Set(['a']) },
      { map: new Map([['a', 1]]) },
      { ['k'.repeat(1100)]: 1 },
      { 'multi\nline key': 1 },
      { '--- key': { '--- key': 1 } },
    ])
      expect(toYamlText(value as Record<string, unknown>)).toBe(writeYaml(value));
    expect(toYamlText({})).toBe(writeYaml({}));
  });
});
