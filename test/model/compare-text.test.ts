import { describe, expect, it } from '@jest/globals';
import { compareText } from '../../src/model/compare-text.js';

describe('compareText', () => {
  it('orders by UTF-16 code unit, not by locale', () => {
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('b', 'a')).toBe(1);
    expect(compareText('web', 'web')).toBe(0);
    expect(compareText('', '')).toBe(0);
    // Upper case sorts before lower case, a prefix before the longer text.
    expect(compareText('Zeta', 'alpha')).toBe(-1);
    expect(compareText('app', 'apple')).toBe(-1);
    expect(compareText('apple', 'app')).toBe(1);
    // A locale sort puts `é` next to `e`; code units put it after `z`.
    expect(compareText('é', 'z')).toBe(1);
  });

  it('sorts a list in code-unit order', () => {
    expect(['b', 'B', 'a', 'é', 'A', 'a'].sort(compareText)).toEqual(['A', 'B', 'a', 'a', 'b', 'é']);
  });
});
