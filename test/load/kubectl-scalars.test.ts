import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { fastParse } from '../../src/load/fast-parse.js';
import { writeYaml, YAML_PARSE_OPTIONS, YAML_TO_JS_OPTIONS } from '../../src/load/yaml-options.js';

/**
 * How kubectl reads unquoted scalars: each value is what sigs.k8s.io/yaml v1.6.0 (go-yaml v2, the
 * reader behind kubectl) gives for `v: <scalar>`, decoded as JSON. Values it cannot turn into
 * JSON (`.inf`, `.nan`) are left out.
 */
const KUBECTL_READS: Array<[string, unknown]> = [
  ['1_000', 1000],
  ['0b101', 5],
  ['-0b1', -1],
  ['1__0', 10],
  ['yes', true],
  ['on', true],
  ['y', true],
  ['NO', false],
  ['~', null],
  ['null', null],
  ['0o17', 15],
  ['0O17', 15],
  ['0X1F', 31],
  ['0B1', 1],
  ['.', '.'],
  ['._5', '._5'],
  ['.e5', '.e5'],
  ['0x_', '0x_'],
  ['e5', 'e5'],
  ['E1', 'E1'],
  ['22:22', '22:22'],
  ['2024-01-31', '2024-01-31'],
  ['1e3', 1000],
  ['+1', 1],
  ['0644', 420],
  ['08', 8],
  ['1.', 1],
  ['0x1F', 31],
  ['0_', 0],
  ['00', 0],
  ['1.5e', '1.5e'],
  ['.5_0', 0.5],
  ['-.5', -0.5],
  ['+.5', 0.5],
  ['-.', '-.'],
  ['+.', '+.'],
  ['-._', '-._'],
  ['+._', '+._'],
  ['1_000.5', 1000.5],
  ['0b_1', 1],
  ['0_b1', 1],
  ['-_1', -1],
  ['_1', '_1'],
  ['1_', 1],
  ['0x_1F', 31],
  ['+0x1F', 31],
  ['-0x1F', -31],
  ['1e+3', 1000],
  ['1E3', 1000],
  ['1.e3', 1000],
  ['.5e3', 500],
  ['.5E3', 500],
  ['0.5e', '0.5e'],
  ['9223372036854775808', 9223372036854776000],
  ['18446744073709551616', 18446744073709552000],
  ['-9223372036854775809', -9223372036854776000],
  ['1__0.5', 10.5],
  ['0_7', 7],
  ['0_8', 8],
  ['09', 9],
  ['-0', 0],
  ['+0', 0],
  ['0.', 0],
  ['-0.0', -0],
  ['2024-1-2', '2024-1-2'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['1:2:3', '1:2:3'],
  ['Inf', 'Inf'],
  ['inf', 'inf'],
  ['NaN', 'NaN'],
  ['nan', 'nan'],
  ['.Nan', '.Nan'],
  ['+.NaN', '+.NaN'],
  ['-.nan', '-.nan'],
  ['0b2', '0b2'],
  ['0o8', '0o8'],
  ['0x', '0x'],
  ['0b', '0b'],
  ['0o', '0o'],
  ['1e', '1e'],
  ['1e-', '1e-'],
  ['.1', 0.1],
  ['+', '+'],
  ['0xg', '0xg'],
  ['0x1.8p1', '0x1.8p1'],
  ['1_e3', 1000],
  ['1e3_', 1000],
  ['1_.5', 1.5],
  ['._', '._'],
  ['.1_', '.1_'],
  ['1.2.3', '1.2.3'],
];

/** A JSON number has no negative zero: go-yaml reads `-0` as the integer 0. */
const plain = (value: unknown): unknown => (value === 0 ? 0 : value);

function readFully(text: string): Record<string, unknown> {
  return parseAllDocuments(text, YAML_PARSE_OPTIONS)[0]!.toJS(YAML_TO_JS_OPTIONS) as Record<string, unknown>;
}

describe('unquoted scalars read as kubectl reads them', () => {
  it.each(KUBECTL_READS)('%s', (source, expected) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nv: ${source}\nl: [${source}]\n`;
    expect(plain(readFully(text).v)).toEqual(plain(expected));
    const fast = fastParse(text);
    expect(fast).toBeDefined();
    expect(plain(fast![0]!.value.v)).toEqual(plain(expected));
    expect(plain((fast![0]!.value.l as unknown[])[0])).toEqual(plain(expected));
    // Printed back, a string stays a string and a number stays the same number.
    const value = readFully(text).v;
    expect(readFully(`apiVersion: v1\nkind: ConfigMap\n${writeYaml({ v: value })}`).v).toEqual(value);
  });

  it('reads the YAML 1.1 booleans, nulls and special floats, in every spelling kubectl knows', () => {
    const words = 'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF ~ null Null NULL';
    const floats = '.inf .Inf .INF +.inf -.inf -.Inf -.INF .nan .NaN .NAN';
    const values = [...words.split(' '), ...floats.split(' ')].map((w) => readFully(`v: ${w}\n`).v);
    expect(values).toEqual([
      ...Array(11).fill(true),
      ...Array(11).fill(false),
      ...Array(4).fill(null),
      Infinity,
      Infinity,
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
      -Infinity,
      NaN,
      NaN,
      NaN,
    ]);
    // Other spellings are strings.
    for (const w of ['tRUE', 'yES', 'oN', 'NULL_', 'Nil', '.iNF', 'Inf']) expect(readFully(`v: ${w}\n`).v).toBe(w);
  });
});
