import { describe, expect, it } from '@jest/globals';
import { ObjectIndex } from '../../src/lint/object-index.js';

describe('ObjectIndex.memo', () => {
  it('computes a value once per key and returns it to every later call', () => {
    const index = new ObjectIndex([]);
    let calls = 0;
    const first = index.memo('sample-rule/table', () => ({ n: ++calls }));
    const second = index.memo('sample-rule/table', () => ({ n: ++calls }));
    expect(calls).toBe(1);
    expect(second).toBe(first);
    expect(second).toEqual({ n: 1 });
  });

  it('keeps values of different keys apart', () => {
    const index = new ObjectIndex([]);
    expect(index.memo('a', () => 1)).toBe(1);
    expect(index.memo('b', () => 2)).toBe(2);
    expect(index.memo('a', () => 3)).toBe(1);
  });
});
