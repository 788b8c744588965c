import { defineScalarTag, mapTag, mergeTag, NOT_RESOLVED, Schema, seqTag, strTag } from 'js-yaml';

/**
 * The plain-scalar rules of YAML 1.1 as kubectl applies them (see yaml-options.ts), for the
 * fast parser: the same patterns, in the same order, as the full parser's schema, so both read
 * a document the same way (test/load/fast-parse.test.ts compares them). Timestamps and
 * base-60 numbers stay strings.
 */
const loadOnly = { identify: () => false };

function integer(source: string, radix: number, prefix: number): number {
  const sign = source[0];
  const digits = source.slice(sign === '-' || sign === '+' ? prefix + 1 : prefix).replace(/_/g, '');
  const n = parseInt(digits, radix);
  return sign === '-' ? -1 * n : n;
}

/** Pattern → value, tried in order; the first match wins. */
const RULES: Array<[RegExp, string, (source: string) => unknown]> = [
  [/^(?:~|[Nn]ull|NULL)?$/, 'tag:yaml.org,2002:null', () => null],
  [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, 'tag:yaml.org,2002:bool', () => true],
  [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, 'tag:yaml.org,2002:bool', () => false],
  [/^[-+]?0b[0-1_]+$/, 'tag:yaml.org,2002:int', (s) => integer(s, 2, 2)],
  [/^[-+]?0[0-7_]+$/, 'tag:yaml.org,2002:int', (s) => integer(s, 8, 1)],
  [/^[-+]?[0-9][0-9_]*$/, 'tag:yaml.org,2002:int', (s) => integer(s, 10, 0)],
  [/^[-+]?0x[0-9a-fA-F_]+$/, 'tag:yaml.org,2002:int', (s) => integer(s, 16, 2)],
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    'tag:yaml.org,2002:float',
    (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity),
  ],
  [
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    'tag:yaml.org,2002:float',
    (s) => parseFloat(s.replace(/_/g, '')),
  ],
  [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, 'tag:yaml.org,2002:float', (s) => parseFloat(s.replace(/_/g, ''))],
];

/**
 * One implicit tag that applies the rules in order. Separate tags per type would be tried in
 * js-yaml's own order (by first character), which is not the order YAML 1.1 resolution needs.
 */
const kubectlScalar = defineScalarTag<unknown>('tag:kubeplan,2024:plain', {
  implicit: true,
  implicitFirstChars: null,
  resolve: (source, isExplicit) => {
    if (isExplicit) return NOT_RESOLVED;
    for (const [pattern, , value] of RULES) if (pattern.test(source)) return value(source);
    return NOT_RESOLVED;
  },
  ...loadOnly,
});

export const KUBECTL_FAST_SCHEMA = new Schema([strTag, seqTag, mapTag, mergeTag, kubectlScalar]);
