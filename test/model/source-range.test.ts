import { describe, expect, it } from '@jest/globals';
import { START_OF_FILE } from '../../src/model/source-range.js';

describe('START_OF_FILE', () => {
  it('is the first column of the first line, an empty range', () => {
    expect(START_OF_FILE).toStrictEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});
