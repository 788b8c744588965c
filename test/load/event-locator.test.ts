import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareLocators } from '../../bench/locator-agreement.js';
import { eventLocator, readEventTree } from '../../src/load/event-locator.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { kubectlText } from '../../src/load/tagged-values.js';

/** Every construct the event locator reads, and some it leaves to the full parser. */
const TRICKY = [
  '---   # a comment on the document marker',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: "tricky 🎉"',
  `  labels: {a: '1', 'b c': "2", d: , e: [x, y,], f: {}  }   # trailing`,
  '  annotations:',
  '    plain: a multi-line',
  '      plain scalar',
  `    'it''s': 'single ''quoted'''`,
  '    "dq\\"key": "with \\" quote"',
  '    tabbed:\tvalue',
  '    empty:',
  '    empty2:   ',
  '    emptycomment:  # nothing',
  '    0644: octal',
  '    yes: bool',
  '    nested:',
  '    - - a',
  '      - b',
  '    - {k: v,',
  '       l: w}',
  '    - [1,',
  '       # comment inside',
  '       2]',
  '    -   - deep',
  'data:',
  '  script: |',
  '    echo hi',
  '',
  '  folded: >-',
  '    text',
  '  last: value   # comment',
  '# a comment after the map',
  '---',
  'apiVersion: v1',
  'kind: List',
  'items:',
  '- apiVersion: v1',
  '  kind: Pod',
  '  metadata:',
  '    name: p',
  '  spec:',
  '    containers:',
  '    - name: c',
  '      image: i',
  '      args: ["a",',
  '        "b"]',
  '',
].join('\n');

function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/.test(entry)) yield path;
  }
}

describe('the event locator gives the full parser positions', () => {
  it('agrees on every pointer of a document with every construct it reads', () => {
    const agreement = compareLocators(TRICKY);
    expect(agreement.disagreements).toEqual([]);
    expect(agreement.documents).toBe(2);
    expect(agreement.declinedDocuments).toBe(0);
    expect(agreement.answered).toBeGreaterThan(120);
  });

  it('agrees on every pointer of every fixture, and answers nearly all of them', () => {
    let answered = 0;
    let deferred = 0;
    for (const file of yamlFiles('fixtures')) {
      const agreement = compareLocators(kubectlText(readFileSync(file, 'utf8')));
      expect({ file, disagreements: agreement.disagreements }).toEqual({ file, disagreements: [] });
      answered += agreement.answered;
      deferred += agreement.deferred;
    }
    expect(answered).toBeGreaterThan(20_000);
    expect(deferred / (answered + deferred)).toBeLessThan(0.02);
  });
});

describe('what the event locator leaves to the full parser', () => {
  const tree = readEventTree(TRICKY.split(/^(?=---$)/m)[0]!)!;
  const locate = eventLocator(tree, [], 0);

  it('answers empty values where the full parser puts them: after the colon and its blanks', () => {
    expect(locate('/metadata/labels/d')).toEqual({ line: 6, column: 35, endLine: 6, endColumn: 35 });
    expect(locate('/metadata/annotations/empty2')).toEqual({ line: 14, column: 15, endLine: 14, endColumn: 15 });
  });

  it('includes the quotes of a quoted scalar and the brackets of a flow collection', () => {
    expect(locate('/metadata/name')).toEqual({ line: 5, column: 9, endLine: 5, endColumn: 20 });
    expect(locate('/metadata/annotations/nested/1')).toEqual({ line: 21, column: 7, endLine: 22, endColumn: 13 });
  });

  it('leaves block scalars, keys typed by YAML 1.1 and a comment after the last value to the full parser', () => {
    expect(locate('/data/script')).toBeUndefined();
    expect(locate('/data/folded')).toBeUndefined();
    expect(locate('/metadata/annotations/420')).toBeUndefined();
    expect(locate('/metadata/annotations/true', 'key')).toBeUndefined();
    // A key it cannot name could be the one asked for: a missing one is not answered either.
    expect(locate('/metadata/annotations/missing')).toBeUndefined();
    expect(locate('')).toBeUndefined();
    // Where the comment is not the last thing, the same map is answered.
    expect(locate('/data/last', 'key')).toEqual({ line: 33, column: 3, endLine: 33, endColumn: 7 });
  });

  it('declines documents with carriage returns or a flow collection continued on a less indented line', () => {
    expect(readEventTree('apiVersion: v1\r\nkind: ConfigMap\r\n')).toBeNull();
    expect(readEventTree('apiVersion: v1\nkind: Pod\nspec:\n  args: ["a",\n"b"]\n')).toBeNull();
    expect(readEventTree('apiVersion: v1\nkind: Pod\nspec:\n  args: ["a",\n    "b"]\n')).not.toBeNull();
  });

  it('positions findings of a clean file as the full parser does a file it reads', () => {
    const text = TRICKY.split(/^(?=---$)/m)[0]!;
    const clean = parseManifests('f.yaml', text).manifests[0]!;
    // A document-end marker sends the same document to the full parser.
    const full = parseManifests('f.yaml', `${text}...\n`).manifests[0]!;
    for (const pointer of ['', '/data/script', '/metadata/labels/e/1', '/metadata/annotations/420', '/spec'])
      expect(clean.locate(pointer)).toEqual(full.locate(pointer));
  });
});
