import { describe, expect, it } from '@jest/globals';
import {
  asArray,
  asInteger,
  asObject,
  asString,
  asStringMap,
  canonicalJson,
  deepEqual,
  dig,
  dropNulls,
  indexedObjectsIn,
  isObject,
  objectAt,
  objectsAt,
  objectsIn,
} from '../../src/model/json.js';

describe('JSON readers', () => {
  it('call only plain maps objects', () => {
    expect([{}, { a: 1 }, [], null, undefined, 'x', 1, true].map(isObject)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const list: unknown = [1];
    expect(asObject(list)).toBeUndefined();
    expect(asObject({ a: 1 })).toEqual({ a: 1 });
  });

  it('read a field only when it is the expected type', () => {
    expect(asString('a')).toBe('a');
    expect(asString(1)).toBeUndefined();
    expect(asInteger(3)).toBe(3);
    expect(asInteger(3.5)).toBeUndefined();
    expect(asInteger('3')).toBeUndefined();
    expect([asInteger(null), asInteger(undefined), asInteger(true), asInteger([3]), asInteger(-2)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      -2,
    ]);
    expect(asArray('abc')).toEqual([]);
    expect(asArray([1, 2])).toEqual([1, 2]);
    expect(asStringMap({ a: 'x', b: 1, c: null, d: 'y' })).toEqual({ a: 'x', d: 'y' });
    expect(asStringMap(['x'])).toEqual({});
  });

  it('reads the object at a field, never an inherited one', () => {
    expect(objectAt({ spec: { a: 1 } }, 'spec')).toEqual({ a: 1 });
    expect(objectAt({ spec: 'x' }, 'spec')).toBeUndefined();
    expect(objectAt(undefined, 'spec')).toBeUndefined();
    expect(objectAt({}, 'constructor')).toBeUndefined();
    expect(objectAt({}, '__proto__')).toBeUndefined();
  });

  it('keeps the objects of a list, with or without their indexes', () => {
    const list = [{ a: 1 }, 'x', null, [], { b: 2 }];
    expect(objectsIn(list)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(objectsIn({ 0: { a: 1 } })).toEqual([]);
    expect(indexedObjectsIn(list)).toEqual([
      { item: { a: 1 }, index: 0 },
      { item: { b: 2 }, index: 4 },
    ]);
    expect(objectsAt({ containers: list }, 'containers')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(objectsAt({ containers: 'web' }, 'containers')).toEqual([]);
    expect(objectsAt('x', 'containers')).toEqual([]);
    expect(objectsAt({}, 'constructor')).toEqual([]);
  });

  it('digs through maps and lists by own keys and digit indexes only', () => {
    const value = { spec: { containers: [{ name: 'web' }, { name: 'log' }] } };
    expect(dig(value, 'spec', 'containers', '1', 'name')).toBe('log');
    expect(dig(value, 'spec', 'containers', 'length')).toBeUndefined();
    expect(dig(value, 'spec', 'containers', '01')).toBeUndefined();
    expect(dig(value, 'spec', 'containers', '-1')).toBeUndefined();
    expect(dig(value, 'spec', 'containers', '2')).toBeUndefined();
    expect(dig(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'], '10')).toBe('k');
    expect(dig(value, 'constructor')).toBeUndefined();
    expect(dig(value, 'spec', 'missing', 'deeper')).toBeUndefined();
    expect(dig(value)).toBe(value);
    expect(dig({ a: null }, 'a')).toBeNull();
  });
});

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [[1], [1, 2], false],
    [[1, [2]], [1, [2]], true],
    [[], [], true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: undefined }, { b: undefined }, false],
    [{ a: 1 }, [1], false],
    [[], {}, false],
    [null, {}, false],
    ['1', 1, false],
    [{ a: { b: 1 } }, { a: { b: 2 } }, false],
  ])('%j vs %j: %s', (a, b, equal) => {
    expect(deepEqual(a, b)).toBe(equal);
    expect(deepEqual(b, a)).toBe(equal);
  });

  it('does not take an inherited key for an own one', () => {
    expect(deepEqual({ toString: 1 }, { other: 1 })).toBe(false);
  });
});

describe('dropNulls', () => {
  it('removes null fields everywhere but keeps null list items as they are', () => {
    const value = { a: null, b: { c: null, d: 1 }, e: [{ f: null }, null] };
    expect(dropNulls(value)).toEqual({ b: { d: 1 }, e: [{}, null] });
  });

  it('removes undefined fields too', () => {
    expect(dropNulls({ a: undefined, b: 1, c: { d: undefined } })).toStrictEqual({ b: 1, c: {} });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so equal values give equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves undefined properties out and writes a bare undefined as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(JSON.parse(canonicalJson({ a: undefined, b: [undefined] }))).toEqual({ b: [null] });
  });

  it('sorts keys by UTF-16 code units', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, é: 4 })).toBe('{"B":2,"a":3,"b":1,"é":4}');
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
  });
});
