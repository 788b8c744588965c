import { describe, expect, it } from '@jest/globals';
import { parseGoDuration } from '../../src/model/go-duration.js';

/**
 * Each input with what Go's time.ParseDuration (Go 1.26) returned for it: nanoseconds, or the
 * error text. Printed once by a throwaway Go program; the values are Go's, not kubeplan's.
 */
const GO: ReadonlyArray<readonly [string, bigint | string]> = [
  ['0', 0n],
  ['+0', 0n],
  ['-0', 0n],
  ['', 'time: invalid duration ""'],
  ['+', 'time: invalid duration "+"'],
  ['-', 'time: invalid duration "-"'],
  ['1h', 3600000000000n],
  ['90m', 5400000000000n],
  ['1h30m', 5400000000000n],
  ['.5h', 1800000000000n],
  ['1.h', 3600000000000n],
  ['1h.m', 'time: invalid duration "1h.m"'],
  ['500ms', 500000000n],
  ['0s', 0n],
  ['-1h', -3600000000000n],
  ['+1h', 3600000000000n],
  ['1d', 'time: unknown unit "d" in duration "1d"'],
  [' 1h', 'time: invalid duration " 1h"'],
  ['1h ', 'time: unknown unit "h " in duration "1h "'],
  ['1', 'time: missing unit in duration "1"'],
  ['00', 'time: missing unit in duration "00"'],
  ['1.5s', 1500000000n],
  ['1.5.s', 'time: missing unit in duration "1.5.s"'],
  ['.s', 'time: invalid duration ".s"'],
  ['-.s', 'time: invalid duration "-.s"'],
  ['1\u00b5s', 1000n],
  ['1\u03bcs', 1000n],
  ['1us', 1000n],
  ['1ns', 1n],
  ['1\u00b5x', 'time: unknown unit "\\xc2\\xb5x" in duration "1\\xc2\\xb5x"'],
  ['1\u00e9', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
  ['1"', 'time: unknown unit "\\"" in duration "1\\""'],
  ['1\\', 'time: unknown unit "\\\\" in duration "1\\\\"'],
  ['1\u0007', 'time: unknown unit "\\x07" in duration "1\\x07"'],
  ['2562047h47m16.854775807s', 9223372036854775807n],
  ['2562047h47m16.854775808s', 'time: invalid duration "2562047h47m16.854775808s"'],
  ['-2562047h47m16.854775808s', -9223372036854775808n],
  ['-2562047h47m16.854775809s', 'time: invalid duration "-2562047h47m16.854775809s"'],
  ['9223372036854775807ns', 9223372036854775807n],
  ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ['-9223372036854775808ns', -9223372036854775808n],
  ['99999999999999999999ns', 'time: invalid duration "99999999999999999999ns"'],
  ['1.0000000000000000000000001h', 3600000000000n],
  ['0.000000000000000000001h', 0n],
  ['1.1ns', 1n],
  ['3.000000001s', 3000000001n],
  ['1.23456789012345678901234567890h', 4444444404444n],
  ['1h1h1h', 10800000000000n],
  ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
  ['1S', 'time: unknown unit "S" in duration "1S"'],
  ['1H', 'time: unknown unit "H" in duration "1H"'],
  ['1m1', 'time: missing unit in duration "1m1"'],
  ['1.5m30.5s', 120500000000n],
  ['0.1ns', 0n],
  ['1hh', 'time: unknown unit "hh" in duration "1hh"'],
  ['constructor', 'time: invalid duration "constructor"'],
  ['1constructor', 'time: unknown unit "constructor" in duration "1constructor"'],
  ['1__proto__', 'time: unknown unit "__proto__" in duration "1__proto__"'],
  ['\u0661s', 'time: invalid duration "\\xd9\\xa1s"'],
  ['1ms2us3ns', 1002003n],
  ['.0s', 0n],
  ['0.s', 0n],
  ['5..s', 'time: missing unit in duration "5..s"'],
  ['-1.5h', -5400000000000n],
  ['1\ufffd', 'time: unknown unit "\\xef\\xbf\\xbd" in duration "1\\xef\\xbf\\xbd"'],
];

describe('parseGoDuration', () => {
  it.each(GO)('reads %j as Go does', (text, expected) => {
    const result = parseGoDuration(text);
    if (typeof expected === 'bigint') expect(result).toEqual({ ok: true, nanoseconds: expected });
    else expect(result).toEqual({ ok: false, error: expected });
  });
});
