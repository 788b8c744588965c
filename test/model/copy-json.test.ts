import { describe, expect, it } from '@jest/globals';
import { copyJson, isCyclic } from '../../src/model/copy-json.js';

describe('copyJson', () => {
  it('copies objects and lists at every depth, sharing nothing', () => {
    const value = { a: [1, { b: 'x' }], c: null, d: { e: true } };
    const copy = copyJson(value);
    expect(copy).toStrictEqual(value);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[1]).not.toBe(value.a[1]);
    expect(copy.d).not.toBe(value.d);
  });

  it('keeps a key named __proto__ a key', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    const copy = copyJson(value);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ x: 1 });
  });

  it('copies what is not plain JSON (a Date) without sharing it', () => {
    const date = new Date(0);
    const copy = copyJson({ at: date });
    expect(copy.at).toStrictEqual(date);
    expect(copy.at).not.toBe(date);
  });
});

describe('isCyclic', () => {
  it('finds an object that contains itself, not one that shares a child twice', () => {
    const self: Record<string, unknown> = { a: 1 };
    self.spec = { self };
    const shared = { x: 1 };
    expect(isCyclic(self)).toBe(true);
    expect(isCyclic({ a: shared, b: [shared] })).toBe(false);
    expect(isCyclic('text')).toBe(false);
    expect(isCyclic([[[]]])).toBe(false);
  });
});

describe('isCyclic past the depth it trusts', () => {
  /** A list `depth` levels deep, ending in `last`. */
  const nestedTo = (depth: number, last: unknown): unknown => {
    let value = last;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('tells a deep acyclic value from a deep cyclic one', () => {
    expect(isCyclic(nestedTo(199, 'leaf'))).toBe(false);
    expect(isCyclic(nestedTo(500, { leaf: 1 }))).toBe(false);
    const loop: Record<string, unknown> = {};
    loop.again = { back: loop };
    expect(isCyclic(nestedTo(500, loop))).toBe(true);
    expect(isCyclic(nestedTo(3, loop))).toBe(true);
    // Shared at many depths, never inside itself.
    const shared = { a: nestedTo(150, 1) };
    expect(isCyclic({ x: shared, y: [shared, { z: shared }] })).toBe(false);
  });
});
