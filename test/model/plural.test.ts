import { describe, expect, it } from '@jest/globals';
import { plural, severityCounts } from '../../src/model/plural.js';

describe('plural', () => {
  it.each([
    [0, 'pod', '0 pods'],
    [1, 'pod', '1 pod'],
    [2, 'pod', '2 pods'],
    [-1, 'node', '-1 nodes'],
    [1.5, 'core', '1.5 cores'],
    [21, 'error', '21 errors'],
  ])('%p %s → %p', (n, word, expected) => {
    expect(plural(n, word)).toBe(expected);
  });
});

describe('severityCounts', () => {
  it.each([
    [{ errors: 0, warnings: 0, infos: 0 }, '0 errors, 0 warnings, 0 info'],
    [{ errors: 1, warnings: 1, infos: 1 }, '1 error, 1 warning, 1 info'],
    [{ errors: 2, warnings: 3, infos: 4 }, '2 errors, 3 warnings, 4 info'],
    [{ errors: 1, warnings: 2, infos: 0 }, '1 error, 2 warnings, 0 info'],
  ])('%p → %p', (counts, expected) => {
    expect(severityCounts(counts)).toBe(expected);
  });
});
