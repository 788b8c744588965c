import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { normalizeObject } from '../../src/diff/normalize.js';
import { toYamlText } from '../../src/diff/yaml-text.js';
import { loadManifests } from '../../src/load/load-manifests.js';

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
