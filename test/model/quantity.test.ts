import { describe, expect, it } from '@jest/globals';
import {
  canonicalQuantity,
  ceilDiv,
  integerValue,
  milliValue,
  parseQuantity,
  sameQuantity,
} from '../../src/model/quantity.js';

const q = (s: string | number) => {
  const parsed = parseQuantity(s);
  if (!parsed) throw new Error(`not a quantity: ${s}`);
  return parsed;
};

describe('quantities', () => {
  it.each([
    ['500m', 500],
    ['0.5', 500],
    ['0.1', 100],
    ['1', 1000],
    [2, 2000],
    ['1.0005', 1001],
    ['100u', 1],
    ['2e-3', 2],
  ])('%s is %d millicores (rounded up)', (text, milli) => {
    expect(milliValue(q(text))).toBe(milli);
  });

  it.each([
    ['1Gi', 1073741824],
    ['1073741824', 1073741824],
    ['128974848', 128974848],
    ['129e6', 129000000],
    ['129M', 129000000],
    ['123Mi', 128974848],
    ['1.5Ki', 1536],
    ['1k', 1000],
  ])('%s is %d bytes', (text, bytes) => {
    expect(integerValue(q(text))).toBe(bytes);
  });

  it('compares by value, not spelling', () => {
    expect(sameQuantity('0.5', '500m')).toBe(true);
    expect(sameQuantity('1Gi', '1073741824')).toBe(true);
    expect(sameQuantity('1G', '1Gi')).toBe(false);
    expect(sameQuantity('abc', 'abc')).toBe(false);
    expect(sameQuantity('1', 'abc')).toBe(false);
    expect(sameQuantity('abc', '1')).toBe(false);
  });

  it('rounds a / b up, towards +∞', () => {
    expect([ceilDiv(3n, 2n), ceilDiv(-3n, 2n), ceilDiv(4n, 2n), ceilDiv(-4n, 2n), ceilDiv(0n, 2n)]).toEqual([
      2n,
      -1n,
      2n,
      -2n,
      0n,
    ]);
  });

  it('keeps the format a quantity is written in', () => {
    expect(parseQuantity('1e3')).toEqual({ num: 1000n, den: 1n, format: 'DecimalExponent' });
    expect(parseQuantity('1k')).toEqual({ num: 1000n, den: 1n, format: 'DecimalSI' });
    expect(parseQuantity('1Ki')).toEqual({ num: 1024n, den: 1n, format: 'BinarySI' });
  });

  it('makes a BinarySI value strictly between -1 and 1 DecimalSI, as the API server does', () => {
    // 0.00048828125Ki is 0.5; 0.0009765625Ki is 1.
    expect(parseQuantity('0.00048828125Ki')).toEqual({ num: 1n, den: 2n, format: 'DecimalSI' });
    expect(parseQuantity('-0.00048828125Ki')).toEqual({ num: -1n, den: 2n, format: 'DecimalSI' });
    expect(parseQuantity('0.0009765625Ki')).toEqual({ num: 1n, den: 1n, format: 'BinarySI' });
    expect(parseQuantity('-0.0009765625Ki')).toEqual({ num: -1n, den: 1n, format: 'BinarySI' });
    expect(parseQuantity('0Ki')).toEqual({ num: 0n, den: 1n, format: 'BinarySI' });
  });

  it('caps a BinarySI value at 2^63 - 1 in magnitude, keeping its sign', () => {
    expect(parseQuantity('-9Ei')).toEqual({ num: -(2n ** 63n - 1n), den: 1n, format: 'BinarySI' });
    expect(canonicalQuantity(q('-9Ei'))).toBe('-9223372036854775807');
  });

  it('reads exponents up to 100 either way', () => {
    expect(canonicalQuantity(q('1e100'))).toBe('10e99');
    // 10^-100 rounds up to one nano-unit.
    expect(canonicalQuantity(q('1e-100'))).toBe('1e-9');
    expect(canonicalQuantity(q('-1e-100'))).toBe('-1e-9');
    // kubeplan's own limit, not the API server's (it takes any 32-bit exponent): exact arithmetic
    // on 10^e stays cheap up to 100.
    expect(parseQuantity('1e101')).toBeUndefined();
    expect(parseQuantity('1e-101')).toBeUndefined();
  });

  it('reads only strings and numbers', () => {
    // A list reads as its text (`[]` as ``, `['1']` as `1`) if one lets it through.
    expect([[], ['1'], null, undefined, true, {}].map(parseQuantity)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(parseQuantity)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ['0.5', '500m'],
    ['1000', '1k'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['1e3', '1e3'],
    ['100m', '100m'],
    ['0', '0'],
    ['-1.5', '-1500m'],
  ])('%s is written canonically as %s', (text, canonical) => {
    expect(canonicalQuantity(q(text))).toBe(canonical);
  });

  it.each(['', 'abc', '1Zi', '1.2.3', '--1', '1 Gi x', ' 1', '1 '])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
