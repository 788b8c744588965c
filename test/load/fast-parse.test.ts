import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fastParse, type KnownDocuments } from '../../src/load/fast-parse.js';
import { YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../../src/load/yaml-options.js';

/** What the full parser (the reference, read as kubectl reads YAML) makes of a text. */
function fullParse(text: string): unknown[] {
  return parseAllDocuments(text, YAML_PARSE_OPTIONS).map((d) => d.toJS(YAML_TO_JS_OPTIONS));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(path) : /\.(ya?ml|json)$/.test(e.name) ? [path] : [];
  });
}

describe('the fast parser reads YAML exactly as the full parser does', () => {
  it.each([
    ['booleans of YAML 1.1', 'a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: "yes"\ng: true'],
    ['octal, hex, binary and underscores', 'a: 0644\nb: 0x1F\nc: 0b101\nd: 1_000\ne: 09\nf: -012\ng: +7'],
    ['floats', 'a: 1e3\nb: .5\nc: 1.5e+3\nd: -.inf\ne: .NaN\nf: 1.0\ng: 3.'],
    [
      'strings that look like other things',
      'a: 22:22\nb: 2024-01-31T12:00:00Z\nc: 1:2:3\nd: 0o17\ne: 1.2.3\nf: "0644"\ng: 10.0.0.1',
    ],
    ['nulls', 'a: ~\nb: null\nc:\nd: NULL'],
    ['keys that are not strings', 'y: 1\n1: a\nno: b\n0644: c'],
    ['merge keys', 'base: {x: "1"}\nother:\n  <<: {x: "0", y: "2"}\n  x: "3"'],
    [
      'indicator characters inside scalars (CRD descriptions)',
      'a: matches *.example.com & more!\nb: "*"\nc: [x, "&y", "!z"]\nd: |\n  *bold* &amp; !important\ne: \'%d items\'',
    ],
    [
      'block scalars and quoting',
      "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: 'it''s'\nd: \"tab\\tnew\\nline\"",
    ],
  ])('%s', (_name, body) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}\n`;
    const fast = fastParse(text);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast!.map((d) => d.value))).toBe(JSON.stringify(fullParse(text)));
  });

  it('gives every fixture and example manifest the same values', () => {
    let compared = 0;
    for (const file of [...yamlFiles('fixtures'), ...yamlFiles('test/report/golden')]) {
      const text = readFileSync(file, 'utf8');
      const fast = fastParse(text);
      if (!fast) continue;
      expect({ file, values: JSON.stringify(fast.map((d) => d.value)) }).toEqual({
        file,
        values: JSON.stringify(fullParse(text)),
      });
      // Each document's own text parses to the same value, at the line where it starts.
      for (const d of fast) {
        expect(JSON.stringify(fullParse(d.text))).toBe(JSON.stringify([d.value]));
        expect(text.slice(0, d.offset).split('\n').length - 1).toBe(d.line);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });

  it.each([
    ['a syntax error', 'apiVersion: v1\nkind: ConfigMap\n data: x\n'],
    ['a duplicate key', 'apiVersion: v1\nkind: ConfigMap\nkind: Secret\n'],
    ['an alias', 'apiVersion: v1\nkind: ConfigMap\ndata: &d {a: "1"}\nx: *d\n'],
    ['a tag', 'apiVersion: v1\nkind: ConfigMap\ndata: !!binary aGk=\n'],
    ['a non-specific tag', 'apiVersion: v1\nkind: ConfigMap\ndata: ! 12\n'],
    ['an anchor without an alias', 'apiVersion: v1\nkind: ConfigMap\ndata: &d {a: "1"}\n'],
    ['a directive', '%YAML 1.1\n---\napiVersion: v1\nkind: ConfigMap\n'],
    ['an empty document', 'apiVersion: v1\nkind: ConfigMap\n---\n'],
    ['a document without kind', 'apiVersion: v1\nmetadata: {}\n'],
    ['a list document', '- a\n- b\n'],
    ['only comments', '# nothing\n'],
    ['a document-end marker', 'apiVersion: v1\nkind: ConfigMap\n...\n'],
  ])('leaves %s to the full parser, which positions its findings', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });
});

describe('documents a run has read already are copied, not parsed again', () => {
  const doc = (name: string, extra = ''): string =>
    `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n${extra}`;
  const base = [doc('a'), doc('b'), doc('c'), doc('d')].join('');

  it('gives the values a parse gives, as objects of their own', () => {
    const known: KnownDocuments = new Map();
    const first = fastParse(base, known)!;
    expect(known.size).toBe(4);
    const changed = [doc('a'), doc('b'), doc('c', 'data: {x: "1"}\n'), doc('d')].join('');
    const again = fastParse(changed, known)!;
    expect(again.map((d) => d.value)).toEqual(fastParse(changed)!.map((d) => d.value));
    expect(again.map((d) => d.line)).toEqual([0, 4, 8, 13]);
    expect(again[0]!.value).toEqual(first[0]!.value);
    expect(again[0]!.value).not.toBe(first[0]!.value);
    (again[0]!.value.metadata as Record<string, unknown>).name = 'changed';
    expect((first[0]!.value.metadata as Record<string, unknown>).name).toBe('a');
    // The document read the first time now is known too.
    expect(known.size).toBe(5);
  });

  it('sends a mostly known file to the full parser when a new document needs it', () => {
    const known: KnownDocuments = new Map();
    fastParse(base, known);
    expect(fastParse([doc('a'), doc('b'), doc('c'), doc('e', 'data: &x {y: "1"}\n')].join(''), known)).toBeUndefined();
    expect(fastParse([doc('a'), doc('b'), doc('c'), '---\n- not an object\n'].join(''), known)).toBeUndefined();
  });
});
