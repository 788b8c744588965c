import { describe, expect, it } from '@jest/globals';
import { cached, pushTo } from '../../src/model/maps.js';

describe('pushTo', () => {
  it('creates the list on the first value and appends to the same list after', () => {
    const map = new Map<string, number[]>();
    pushTo(map, 'a', 1);
    const first = map.get('a');
    expect(first).toEqual([1]);
    pushTo(map, 'a', 2);
    pushTo(map, 'b', 3);
    expect(map.get('a')).toBe(first);
    expect([...map]).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
    ]);
  });

  it('keeps duplicates and keys that are objects', () => {
    const key = { id: 1 };
    const map = new Map<object, string[]>();
    pushTo(map, key, 'x');
    pushTo(map, key, 'x');
    expect(map.get(key)).toEqual(['x', 'x']);
    expect(map.get({ id: 1 })).toBeUndefined();
  });
});

describe('cached', () => {
  it('makes the value once and returns the kept value after', () => {
    const map = new Map<string, string[]>();
    let calls = 0;
    const make = (): string[] => {
      calls++;
      return [`made ${calls}`];
    };
    const first = cached(map, 'k', make);
    expect(first).toEqual(['made 1']);
    expect(map.get('k')).toBe(first);
    expect(cached(map, 'k', make)).toBe(first);
    expect(calls).toBe(1);
    expect(cached(map, 'other', make)).toEqual(['made 2']);
    expect(calls).toBe(2);
  });

  it('returns a kept undefined without making a value (has, not get, decides)', () => {
    const map = new Map<string, number | undefined>([['k', undefined]]);
    expect(cached(map, 'k', () => 42)).toBeUndefined();
    expect(map.get('k')).toBeUndefined();
  });

  it('keeps a falsy value', () => {
    const map = new Map<string, number>();
    expect(cached(map, 'k', () => 0)).toBe(0);
    expect(cached(map, 'k', () => 1)).toBe(0);
  });

  it('works with a WeakMap', () => {
    const map = new WeakMap<object, string>();
    const key = {};
    expect(cached(map, key, () => 'a')).toBe('a');
    expect(cached(map, key, () => 'b')).toBe('a');
    expect(cached(map, {}, () => 'c')).toBe('c');
  });
});
