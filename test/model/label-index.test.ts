import { describe, expect, it } from '@jest/globals';
import { LabelIndex } from '../../src/model/selectors/label-index.js';
import { EVERYTHING, NOTHING, type Selector } from '../../src/model/selectors/label-selector.js';

/** Selectors written out as requirement lists, as compileLabelSelector builds them. */
const eq = (key: string, value: string) => ({ key, op: '=' as const, values: [value] });
const inSet = (key: string, ...values: string[]) => ({ key, op: 'In' as const, values });

function index(): LabelIndex<string> {
  const idx = new LabelIndex<string>();
  idx.add('shop', { app: 'web', tier: 'front' }, 'web-1');
  idx.add('shop', { app: 'api', tier: 'back' }, 'api-1');
  idx.add('other', { app: 'web', tier: 'front' }, 'other-web');
  idx.add('shop', { app: 'web', tier: 'back' }, 'web-2');
  idx.add('shop', {}, 'bare');
  return idx;
}

describe('LabelIndex.inNamespace', () => {
  it('lists the items of a namespace in the order they were added', () => {
    expect(index().inNamespace('shop')).toEqual(['web-1', 'api-1', 'web-2', 'bare']);
    expect(index().inNamespace('other')).toEqual(['other-web']);
  });

  it('lists nothing for a namespace without items', () => {
    expect(index().inNamespace('empty')).toEqual([]);
    expect(new LabelIndex<string>().inNamespace('')).toEqual([]);
  });
});

describe('LabelIndex.select', () => {
  const cases: Array<[string, Selector, string[]]> = [
    ['NOTHING selects nothing', NOTHING, []],
    ['EVERYTHING selects every item of the namespace, in order', EVERYTHING, ['web-1', 'api-1', 'web-2', 'bare']],
    ['key=value', [eq('app', 'web')], ['web-1', 'web-2']],
    ['two equalities', [eq('app', 'web'), eq('tier', 'back')], ['web-2']],
    ['In with one value', [inSet('app', 'api')], ['api-1']],
    ['In with two values (not an index lookup)', [inSet('app', 'api', 'web')], ['web-1', 'api-1', 'web-2']],
    ['NotIn (not an index lookup)', [{ key: 'app', op: 'NotIn', values: ['web'] }], ['api-1', 'bare']],
    ['Exists (not an index lookup)', [{ key: 'tier', op: 'Exists', values: [] }], ['web-1', 'api-1', 'web-2']],
    ['DoesNotExist', [{ key: 'app', op: 'DoesNotExist', values: [] }], ['bare']],
    ['an equality and a NotIn', [eq('app', 'web'), { key: 'tier', op: 'NotIn', values: ['front'] }], ['web-2']],
    ['a value no item carries', [eq('app', 'db')], []],
    ['a key no item carries', [eq('zone', 'a')], []],
    ['equalities no single item satisfies', [eq('app', 'api'), eq('tier', 'front')], []],
  ];
  it.each(cases)('%s', (_name, selector, expected) => {
    expect(index().select('shop', selector)).toEqual(expected);
  });

  it('selects only in the namespace asked for', () => {
    const idx = index();
    expect(idx.select('other', [eq('app', 'web')])).toEqual(['other-web']);
    expect(idx.select('other', [eq('app', 'api')])).toEqual([]);
    expect(idx.select('empty', [eq('app', 'web')])).toEqual([]);
    expect(idx.select('empty', EVERYTHING)).toEqual([]);
  });

  it('does not confuse namespaces, keys and values that run together', () => {
    const idx = new LabelIndex<string>();
    idx.add('a', { 'b/c': 'd' }, 'one');
    idx.add('a/b', { c: 'd' }, 'two');
    expect(idx.select('a', [eq('b/c', 'd')])).toEqual(['one']);
    expect(idx.select('a/b', [eq('c', 'd')])).toEqual(['two']);
    expect(idx.select('a', [eq('c', 'd')])).toEqual([]);
  });

  it('returns a new list each time', () => {
    const idx = index();
    const first = idx.select('shop', EVERYTHING);
    first.push('changed');
    expect(idx.select('shop', EVERYTHING)).toEqual(['web-1', 'api-1', 'web-2', 'bare']);
  });

  /**
   * The candidates are the items indexed under the rarest required label (the first of equally
   * rare ones): observable only when an item's labels change after it was added, since every
   * candidate list holds all the items that can match.
   */
  describe('candidates', () => {
    it('come from the rarest required label', () => {
      const idx = new LabelIndex<string>();
      const late: Record<string, string> = { a: '1' };
      idx.add('ns', { a: '1', b: '2' }, 'x');
      idx.add('ns', { a: '1', b: '2' }, 'y');
      idx.add('ns', late, 'z');
      late.b = '2'; // now matches, but is not indexed under b=2
      expect(idx.select('ns', [eq('a', '1'), eq('b', '2')])).toEqual(['x', 'y']);
      expect(idx.select('ns', [eq('b', '2'), eq('a', '1')])).toEqual(['x', 'y']);
      expect(idx.select('ns', [eq('a', '1')])).toEqual(['x', 'y', 'z']);
    });

    it('come from the first of equally rare labels', () => {
      const idx = new LabelIndex<string>();
      const z: Record<string, string> = { a: '1' };
      const w: Record<string, string> = { b: '2' };
      idx.add('ns', { a: '1', b: '2' }, 'x');
      idx.add('ns', z, 'z');
      idx.add('ns', w, 'w');
      z.b = '2';
      w.a = '1';
      expect(idx.select('ns', [eq('a', '1'), eq('b', '2')])).toEqual(['x', 'z']);
      expect(idx.select('ns', [eq('b', '2'), eq('a', '1')])).toEqual(['x', 'w']);
    });

    it('are every item of the namespace when no requirement is an index lookup', () => {
      const idx = new LabelIndex<string>();
      const late: Record<string, string> = {};
      idx.add('ns', late, 'late');
      late.tier = 'db';
      expect(idx.select('ns', [{ key: 'tier', op: 'Exists', values: [] }])).toEqual(['late']);
      expect(idx.select('ns', [eq('tier', 'db')])).toEqual([]);
    });
  });
});
