import { describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { briefAt } from '../helpers/findings.js';
import { validateYaml } from '../helpers/validate.js';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n';

/**
 * Flow collections and quoted scalars whose lines continue less indented than their parent, and
 * the `data` kubectl reads from `HEAD` + the text: each value is what kubectl's decoder
 * (k8s.io/apimachinery's YAMLOrJSONDecoder over sigs.k8s.io/yaml v1.6.0, go-yaml v2) gives,
 * decoded as JSON. The `yaml` package alone refuses all of them.
 */
const KUBECTL_READS: Array<[string, string, unknown]> = [
  ["a double-quoted string continued at its parent's column", '  a: ["x\n  y\n  "]\n  b: c\n', { a: ['x y '], b: 'c' }],
  ['a double-quoted string continued at column 1', '  a: ["x\ny"]\n  b: c\n', { a: ['x y'], b: 'c' }],
  [
    "a single-quoted string continued at its parent's column",
    "  a: ['it''s\n  x\n  ']\n  b: c\n",
    { a: ["it's x "], b: 'c' },
  ],
  ['an unquoted string continued at column 1', '  a: [x\ny, z]\n  b: c\n', { a: ['x y', 'z'], b: 'c' }],
  ['an item and the closing bracket at column 1', '  a: [x,\nz\n]\n  b: c\n', { a: ['x', 'z'], b: 'c' }],
  ["a closing bracket at its parent's column", '  a: [x,\n    z\n  ]\n  b: c\n', { a: ['x', 'z'], b: 'c' }],
  [
    "a flow map's values continued at column 1",
    '  a: {k: "x\ny", j: p\nq}\n  b: c\n',
    { a: { k: 'x y', j: 'p q' }, b: 'c' },
  ],
  [
    'nested flow collections and a comment at column 1',
    '  a: [[x,\nz], {k:\nv},\n# note\n  w]\n  b: c\n',
    { a: [['x', 'z'], { k: 'v' }, 'w'], b: 'c' },
  ],
  ["a tab starting a quoted string's line", '  a: ["x\n\ty"]\n  b: c\n', { a: ['x y'], b: 'c' }],
  ['escaped quotes and backslashes', '  a: ["x\\"]\nz\\\\"\n]\n  b: c\n', { a: ['x"] z\\'], b: 'c' }],
  ['an escaped line break', '  a: ["x\\\n  y"]\n  b: c\n', { a: ['xy'], b: 'c' }],
  ['a blank line inside a quoted string', '  a: ["x\n\n  y"]\n  b: c\n', { a: ['x\ny'], b: 'c' }],
  ['quoted strings outside flow collections', '  a: "x\ny"\n  b: \'p\nq\'\n', { a: 'x y', b: 'p q' }],
  ["a block sequence item's flow collection", '  a:\n  - ["x\n  y"]\n  - z\n', { a: [['x y'], 'z'] }],
  [
    'two of them in one document',
    '  a: ["x\ny"]\n  b: ["p\nq", r,\ns]\n  c: d\n',
    { a: ['x y'], b: ['p q', 'r', 's'], c: 'd' },
  ],
  [
    'a block scalar after one',
    '  a: ["x\ny"]\n  s: |\n    "not [closed\n  b: c\n',
    { a: ['x y'], s: '"not [closed\n', b: 'c' },
  ],
  ['CRLF line ends', '  a: ["x\r\ny"]\r\n  b: c\r\n', { a: ['x y'], b: 'c' }],
  // go-yaml skips a comment wherever a token may start, so no space is needed before its `#`.
  ['a comment right after a comma', '  a: [x,#note\n  z]\n  b: c\n', { a: ['x', 'z'], b: 'c' }],
  [
    'a comment right after an opening bracket',
    '  a: [#note\n  x]\n  b: {#note\n    k: v}\n',
    { a: ['x'], b: { k: 'v' } },
  ],
  ["a comment after a flow map's comma", '  a: {x: "1",#note\n    }\n', { a: { x: '1' } }],
];

describe('flow content continued at any column, as kubectl reads it', () => {
  it.each(KUBECTL_READS)('%s', (_name, text, data) => {
    const { manifests, findings } = parseManifests('test.yaml', HEAD + text);
    expect(findings).toEqual([]);
    expect(manifests.map((m) => m.object.data)).toEqual([data]);
  });

  it('reads the multi-line command of a container written inside its args brackets', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: main',
      '    image: alpine:3.20',
      '    args: ["',
      '      echo hello;',
      '      echo world',
      '    "]',
      '',
    ].join('\n');
    const { manifests, findings } = parseManifests('test.yaml', text);
    expect(findings).toEqual([]);
    expect((manifests[0]!.object.spec as { containers: Array<{ args: string[] }> }).containers[0]!.args).toEqual([
      ' echo hello; echo world ',
    ]);
  });

  it('reads each document on its own', () => {
    const text = `${HEAD}  a: ["x\ny"]\n---\n${HEAD}  a: ['p\nq']\n`;
    const { manifests, findings } = parseManifests('test.yaml', text);
    expect(findings).toEqual([]);
    expect(manifests.map((m) => m.object.data)).toEqual([{ a: ['x y'] }, { a: ['p q'] }]);
  });

  it('gives positions in the file as written, on the lines that continue', async () => {
    const text = [
      'apiVersion: v1', //                     1
      'kind: Pod', //                          2
      'metadata:', //                          3
      '  name: p', //                          4
      'spec:', //                              5
      '  containers: [{name: main,', //        6
      'image: 5, args: ["a', //                7
      '  b", 7]}]', //                         8
      '',
    ].join('\n');
    expect((await validateYaml(text)).filter((f) => f.includes('schema-invalid'))).toEqual([
      '7:8 schema-invalid spec.containers[0].image: expected string, got number 5',
      '8:7 schema-invalid spec.containers[0].args[1]: expected string, got number 7',
    ]);
    const [m] = parseManifests('test.yaml', text).manifests;
    const r = m!.locate('/spec/containers/0/args/0');
    expect(`${r.line}:${r.column}-${r.endLine}:${r.endColumn}`).toBe('7:18-8:5');
  });
});

describe('what kubectl refuses in flow content stays refused, with one finding', () => {
  const findingsOf = (text: string): string[] => parseManifests('test.yaml', HEAD + text).findings.map(briefAt);

  it('a tab indenting the next line of an unquoted string', () => {
    // kubectl: "found a tab character that violates indentation"
    expect(findingsOf('  a: [x\n\ty]\n  b: c\n')).toEqual([
      '7:2 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('a quoted string that never closes', () => {
    // kubectl: "found unexpected end of stream"
    expect(findingsOf('  a: ["x\ny]\n  b: c\n')).toEqual(['9:1 yaml-syntax Missing closing "quote']);
  });

  it('a comment after a comma that leaves the list unclosed', () => {
    // kubectl: "did not find expected node content"
    expect(findingsOf('  a: [x,#b, c]\n')).toEqual([
      '7:1 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('a document marker inside a quoted string', () => {
    // kubectl: "found unexpected document indicator"
    expect(findingsOf('  a: ["x\n--- y"]\n')[0]).toBe('6:9 yaml-syntax Missing closing "quote');
  });
});

describe('one syntax problem, one finding', () => {
  it('reports the first syntax error of a document, not the errors that follow from it', () => {
    // The package reads `b: c` and `f: g` anew after the bad `a: b: c`, and finds three errors.
    const text = `${HEAD}  a: b: c\n  d: e\n   f: g\n`;
    expect(parseManifests('test.yaml', text).findings.map(briefAt)).toEqual([
      '6:6 yaml-syntax Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('keeps the duplicate keys before it', () => {
    const text = `${HEAD}  k: 1\n  k: 2\n  a: b: c\n`;
    expect(parseManifests('test.yaml', text).findings.map(briefAt)).toEqual([
      '7:3 yaml-duplicate-key duplicate key: "k"; kubectl rejects the document',
      '8:6 yaml-syntax Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('reports the first error of each document', () => {
    const text = `${HEAD}  a: b: c\n---\n${HEAD}  a: [x\n`;
    expect(parseManifests('test.yaml', text).findings.map(briefAt)).toEqual([
      '6:6 yaml-syntax Nested mappings are not allowed in compact mappings',
      '14:1 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
});
