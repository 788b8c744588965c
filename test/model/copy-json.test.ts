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
