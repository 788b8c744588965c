import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { toYamlText } from '../../src/diff/yaml-text.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { normalizeObject } from '../../src/diff/normalize.js';

const yamlPackage = (value: unknown): string =>
  stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });

/** Whether a value holds a string the package prints plain but kubeplan quotes (`yes`, `on`). */
function hasYaml11Word(value: unknown): boolean {
  if (typeof value === 'string') return /^(?:y|yes|n|no|on|off)$/i.test(value);
  return value !== null && typeof value === 'object' && Object.values(value).some(hasYaml11Word);
}

describe('toYamlText', () => {
  it('prints what the yaml package prints, for every object of the fixtures as written and normalized', async () => {
    const { manifests } = await loadManifests(['fixtures/diff', 'fixtures/demo', 'fixtures/current']);
    expect(manifests.length).toBeGreaterThan(60);
    for (const { object } of manifests.filter((m) => !hasYaml11Word(m.object))) {
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
});
