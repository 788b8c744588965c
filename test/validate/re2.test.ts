import { describe, expect, it } from '@jest/globals';
import { compileRe2, Re2SyntaxError, re2Find, re2FindAll, re2Matches } from '../../src/validate/crd/re2.js';

// Expected values from Go's regexp (Go 1.26): regexp.Compile and MatchString on each input.
// JavaScript's RegExp reads most of the first table otherwise: inline flags, \z, POSIX classes,
// \pL without the u flag, \Q...\E, \s and \v, (?U), a dot against an astral character.
// biome-ignore format: one pattern a line
const MATCHES: Array<[string, Array<[string, boolean]>]> = [
  ['^(?i)[a-z_.]+$', [['grpc.Health', true], ['GRPC_x', true], ['grpc-health', false]]],
  ['^(?i)(abort|warn)?$', [['Warn', true], ['ABORT', true], ['', true], ['warning', false]]],
  ['^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$', [['.Grpc.Health_V1', true], ['grpc..x', false], ['9x', false]]],
  ['(?i:ab)c', [['ABc', true], ['ABC', false], ['abc', true]]],
  ['(?i)a(?-i)b', [['Ab', true], ['AB', false], ['ab', true]]],
  ['(?s)a.b', [['a\nb', true], ['axb', true]]],
  ['a.b', [['a\nb', false], ['axb', true], ['a\rb', true]]],
  ['(?m)^b$', [['a\nb\nc', true], ['abc', false], ['a\r\nb\r\n', false]]],
  ['^b$', [['a\nb\nc', false], ['b', true], ['b\n', false]]],
  ['(?U)^a+$', [['aaa', true], ['', false]]],
  ['(?U)a+?', [['aaa', true]]],
  ['\\Aabc\\z', [['abc', true], ['abc\n', false], ['xabc', false]]],
  ['abc$', [['abc\n', false], ['abc', true]]],
  ['^[[:alpha:]]+$', [['abcXYZ', true], ['ab1', false], ['é', false]]],
  ['^[[:^digit:]]+$', [['abc', true], ['a1', false]]],
  ['^[[:word:][:punct:]]+$', [['a_b!', true], ['a b', false]]],
  ['^[[:space:]]$', [[' ', true], ['\t', true], ['\u000b', true], [' ', false]]],
  ['^\\s$', [[' ', true], ['\t', true], ['\n', true], ['\f', true], ['\r', true], ['\u000b', false], [' ', false], [' ', false]]],
  ['^\\pL+$', [['héllo', true], ['hello1', false], ['Ωmega', true], ['日本', true]]],
  ['^\\p{L}\\PL$', [['a1', true], ['ab', false]]],
  ['^\\p{Greek}+$', [['αβγ', true], ['abc', false]]],
  ['^\\p{^Greek}$', [['a', true], ['α', false]]],
  ['^\\p{Lu}$', [['A', true], ['a', false], ['Ä', true]]],
  ['^\\pN+$', [['123', true], ['١٢٣', true], ['x', false]]],
  ['^\\d+$', [['123', true], ['١٢٣', false]]],
  ['^\\w+$', [['abc_1', true], ['é', false]]],
  ['\\bfoo\\b', [['a foo b', true], ['afoob', false], ['éfooé', true]]],
  ['\\Bfoo', [['afoo', true], ['foo', false]]],
  ['^\\Qa.b*c\\E$', [['a.b*c', true], ['axbbc', false]]],
  ['^\\Qa.b', [['a.b', true], ['axb', false]]],
  ['^\\x{263a}\\x41\\101$', [['☺AA', true]]],
  ['^\\x{1F600}$', [['😀', true]]],
  ['^.$', [['😀', true], ['é', true], ['ab', false]]],
  ['^[😀-😂]+$', [['😀😁😂', true], ['😃', false]]],
  ['^[^a]$', [['\n', true], ['b', true], ['a', false], ['😀', true]]],
  ['^\\a\\f\\t\\n\\r\\v$', [['\u0007\f\t\n\r\u000b', true]]],
  ['(?i)k', [['K', true], ['K', true]]],
  ['(?i)s', [['S', true], ['ſ', true]]],
  ['(?i)σ', [['Σ', true], ['ς', true]]],
  ['^(?i)straße$', [['STRASSE', false], ['STRAßE', true]]],
  ['^(a|)$', [['', true], ['a', true], ['b', false]]],
  ['^a{2,}$', [['a', false], ['aa', true], ['aaaa', true]]],
  ['^a{2,3}?$', [['aaa', true], ['aaaa', false]]],
  ['^x{0}y$', [['y', true], ['xy', false]]],
  ['^(a*)*$', [['aaa', true], ['b', false]]],
  ['^(?P<name>[a-z]+)-(?<id>[0-9]+)$', [['abc-12', true], ['abc-', false]]],
  ['^(?:ab)+$', [['abab', true], ['aba', false]]],
  ['^[a-c-]+$', [['a-c', true], ['d', false]]],
  ['^[\\d-z]+$', [['1-z', true], ['y', false]]],
  ['^[]a]+$', [[']a', true], ['b', false]]],
  ['^[^]a]+$', [['bc', true], [']', false]]],
  ['^[a\\]]+$', [['a]', true], ['b', false]]],
  ['^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\$', [['.*+?()[]{}|^$\\', true]]],
  ['^\\-\\_\\#\\%\\&\\~\\,\\/\\:\\;\\<\\=\\>\\@\\`\\!\\"\\\'$', [['-_#%&~,/:;<=>@`!"\'', true]]],
  ['^(?i)[k-l]+$', [['KL', true], ['K', true]]],
  ['^[[:upper:]]+$', [['ABC', true], ['abc', false]]],
  ['^(?i)[[:upper:]]+$', [['abc', true]]],
  ['^\\pZ$', [[' ', true], [' ', true], ['a', false]]],
  ['^\\p{Han}+$', [['日本', true], ['abc', false]]],
  ['x*', [['', true], ['abc', true]]],
  ['^$', [['', true], ['\n', false]]],
  ['(?m)$', [['', true]]],
  ['^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', [['my.svc-1', true], ['-bad', false], ['Bad', false]]],
  ['^(\\d+(\\.\\d+)?(ms|s|m|h))+$', [['1h30m', true], ['1.5s', true], ['1d', false]]],
  ['^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', [['500m', true], ['1Gi', true], ['x', false]]],
  ['^(?i)(?s)a.$', [['A\n', true]]],
  ['^(?is)a.$', [['A\n', true]]],
  ['^(?i-s:a.)$', [['A\n', false], ['Ab', true]]],
  ['\\$\\{[^}]+\\}', [['\u0024{foo}', true], ['$foo', false]]],
  ['^[\\x00-\\x7F]+$', [['abc', true], ['é', false]]],
  ['^[\\p{L}\\d]+$', [['é1', true], ['_', false]]],
  ['^\\p{Cyrillic}$', [['д', true]]],
  ['^[\\w.-]+@[\\w.-]+$', [['a.b@c-d.e', true], ['a@', false]]],
  ['a{2', [['a{2', true]]],
  ['a{,2}', [['a{,2}', true]]],
  ['{', [['{', true]]],
  ['x{2}{,3}', [['xx{,3}', true]]],
  ['\\0', [['\u0000', true]]],
  ['\\/', [['/', true]]],
];

// biome-ignore format: one pattern a line
const REFUSED: Array<[string, string]> = [
  ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
  ['(?!a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`'],
  ['(?<=a)b', 'error parsing regexp: invalid named capture: `(?<=a)b`'],
  ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
  ['a**', 'error parsing regexp: invalid nested repetition operator: `**`'],
  ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
  ['[z-a]', 'error parsing regexp: invalid character class range: `z-a`'],
  ['\\C', 'error parsing regexp: invalid escape sequence: `\\C`'],
  ['(?i', 'error parsing regexp: invalid or unsupported Perl syntax: `(?i`'],
  ['\\Z', 'error parsing regexp: invalid escape sequence: `\\Z`'],
  ['\\h', 'error parsing regexp: invalid escape sequence: `\\h`'],
  ['[[:foo:]]', 'error parsing regexp: invalid character class range: `[:foo:]`'],
  ['\\pX', 'error parsing regexp: invalid character class range: `\\pX`'],
  ['\\p{Foo}', 'error parsing regexp: invalid character class range: `\\p{Foo}`'],
  ['x{2}{3}', 'error parsing regexp: invalid nested repetition operator: `{2}{3}`'],
  ['\\8', 'error parsing regexp: invalid escape sequence: `\\8`'],
  ['a++', 'error parsing regexp: invalid nested repetition operator: `++`'],
  ['(?x) a b', 'error parsing regexp: invalid or unsupported Perl syntax: `(?x`'],
  ['(', 'error parsing regexp: missing closing ): `(`'],
  [')', 'error parsing regexp: unexpected ): `)`'],
  ['[a', 'error parsing regexp: missing closing ]: `[a`'],
  ['\\e', 'error parsing regexp: invalid escape sequence: `\\e`'],
  ['\\u0041', 'error parsing regexp: invalid escape sequence: `\\u`'],
  ['\\cA', 'error parsing regexp: invalid escape sequence: `\\c`'],
  ['\\x{110000}', 'error parsing regexp: invalid escape sequence: `\\x{110000`'],
  ['[\\b]', 'error parsing regexp: invalid escape sequence: `\\b`'],
];

describe('RE2 patterns, as Go reads them', () => {
  it('matches as regexp.MatchString does', () => {
    for (const [pattern, inputs] of MATCHES)
      for (const [input, expected] of inputs)
        expect([pattern, input, re2Matches(input, pattern)]).toEqual([pattern, input, expected]);
  });

  it("refuses what regexp.Compile refuses, with Go's message", () => {
    for (const [pattern, message] of REFUSED) {
      const compiled = compileRe2(pattern);
      expect(compiled).toBeInstanceOf(Re2SyntaxError);
      expect([pattern, (compiled as Error).message]).toEqual([pattern, message]);
      expect(() => re2Matches('a', pattern)).toThrow(message);
    }
  });

  it('finds as FindString and FindAllString do', () => {
    expect(re2Find('foo bar', '[a-z]+$')).toBe('bar');
    expect(re2Find('foo', 'x')).toBe('');
    expect(re2Find('foo', '(?i)O+')).toBe('oo');
    expect(re2FindAll('a1b22c333', '[0-9]+')).toEqual(['1', '22', '333']);
    expect(re2FindAll('banana', 'an', 1)).toEqual(['an']);
    expect(re2FindAll('banana', 'an', 0)).toEqual([]);
    expect(re2FindAll('banana', 'a|an')).toEqual(['a', 'a', 'a']);
    expect(re2FindAll('xay', '^a|y$')).toEqual(['y']);
    expect(re2FindAll('abab', '(?m)^ab')).toEqual(['ab']);
    expect(re2FindAll('ab\nab', '(?m)^ab')).toEqual(['ab', 'ab']);
    // Empty matches: one per position, none right after a match, a surrogate pair never split.
    expect(re2FindAll('  ab cd', '\\b')).toEqual(['', '', '', '']);
    expect(re2FindAll('abc', 'x*')).toEqual(['', '', '', '']);
    expect(re2FindAll('aaa', 'a*?')).toEqual(['', '', '', '']);
    expect(re2FindAll('a😀b', '')).toEqual(['', '', '', '']);
    expect(() => re2Find('x', '(')).toThrow('error parsing regexp: missing closing ): `(`');
  });
});
