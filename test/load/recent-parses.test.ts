import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { recentParses } from '../../src/load/recent-parses.js';

const text = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

describe('recentParses keeps the trees of the texts parsed last, up to a total length', () => {
  it('gives the same tree for a text parsed again soon', () => {
    const parse = recentParses(1000);
    const a = parse(text('a'));
    parse(text('b'));
    expect(parse(text('a'))).toBe(a);
  });

  it('parses again a text pushed out by newer ones, least recently used first', () => {
    const parse = recentParses(2 * text('a').length);
    const a = parse(text('a'));
    const b = parse(text('b'));
    expect(parse(text('a'))).toBe(a); // now the most recent
    parse(text('c')); // pushes out b, the least recently used
    expect(parse(text('a'))).toBe(a);
    const b2 = parse(text('b'));
    expect(b2).not.toBe(b);
    expect(b2.docs[0]!.toJS()).toEqual(b.docs[0]!.toJS());
  });

  it('keeps the newest text even when it alone is over the bound', () => {
    const parse = recentParses(10);
    const a = parse(text('a'));
    expect(parse(text('a'))).toBe(a);
  });
});

describe('an object is located the same after its tree left the cache', () => {
  it.each([
    ['read by the fast parser', ''],
    ['read by the full parser (an alias)', 'other: &x {a: "1"}\nagain: *x\n'],
  ])('%s', (_name, extra) => {
    const file = `---\n${text('first')}---\n${text('second')}data:\n  key: value\n${extra}`;
    const { manifests } = parseManifests('f.yaml', file);
    const before = manifests[1]!.locate('/data/key');
    // Enough other files located in between to push this one's tree out of the cache.
    for (let i = 0; i < 2000; i++)
      parseManifests(`g${i}.yaml`, `${text(`n${i}`)}x: ${'y'.repeat(2000)}\n`).manifests[0]!.locate('/x');
    expect(manifests[1]!.locate('/data/key')).toEqual(before);
    expect(before).toEqual({ line: 10, column: 8, endLine: 10, endColumn: 13 });
  });
});
