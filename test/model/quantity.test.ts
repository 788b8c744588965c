import { describe, expect, it } from '@jest/globals';
import { canonicalQuantity, integerValue, milliValue, parseQuantity, sameQuantity } from '../../src/model/quantity.js';

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
