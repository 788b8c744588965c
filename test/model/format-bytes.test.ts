import { describe, expect, it } from '@jest/globals';
import { formatBytes } from '../../src/model/format-bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0B'],
    [512, '512B'],
    [1023, '1023B'],
    // Bytes are written as they are: only the larger units are rounded (to one decimal).
    [1023.99, '1023.99B'],
    [1024, '1.0KiB'],
    [1536, '1.5KiB'],
    [1024 * 1024 - 1, '1.0MiB'],
    [1.5 * 1024 ** 2, '1.5MiB'],
    [50 * 1024 ** 2, '50.0MiB'],
    [14.5 * 1024 ** 3, '14.5GiB'],
    [2 * 1024 ** 4, '2.0TiB'],
    [3 * 1024 ** 5, '3.0PiB'],
    [2048 * 1024 ** 5, '2048.0PiB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
