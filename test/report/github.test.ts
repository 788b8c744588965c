import { describe, expect, it } from '@jest/globals';
import { ANNOTATIONS_PER_LEVEL, formatGithub } from '../../src/report/github.js';
import { expectGolden } from '../helpers/golden.js';
import { SAMPLE_FINDINGS } from './sample-findings.js';

describe('GitHub workflow commands', () => {
  it('matches the golden file', () => {
    const out = formatGithub(SAMPLE_FINDINGS);
    expectGolden('report', 'sample.github.txt', out.commands);
    expect(out.summary).toBe('');
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    const [line] = formatGithub([
      { ...SAMPLE_FINDINGS[0]!, file: 'a:b,c%d.yaml', message: '100% wrong\r\nnext: line, here' },
    ]).commands.split('\n');
    expect(line).toBe(
      '::error file=a%3Ab%2Cc%25d.yaml,line=10,endLine=10,col=13,endColumn=16,title=kubeplan schema-invalid::100%25 wrong%0D%0Anext: line, here',
    );
  });

  it(`annotates ${ANNOTATIONS_PER_LEVEL} findings of each level and lists the rest in the job summary`, () => {
    const errors = Array.from({ length: 12 }, (_, i) => ({ ...SAMPLE_FINDINGS[0]!, line: i + 1 }));
    const notes = Array.from({ length: 3 }, (_, i) => ({ ...SAMPLE_FINDINGS[2]!, line: i + 1 }));
    const out = formatGithub([...errors, ...notes]);
    expect(
      out.commands
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(' '))),
    ).toEqual([...Array(10).fill('::error'), ...Array(3).fill('::notice')]);
    expect(out.summary).toBe(
      [
        '### kubeplan: 2 more findings',
        '',
        'GitHub shows 10 annotations of each level per step; these did not fit.',
        '',
        '| severity | location | rule | message |',
        '|---|---|---|---|',
        '| error | `deploy/api.yaml:11:13` | `schema-invalid` | spec.replicas: expected integer, got string "2" |',
        '| error | `deploy/api.yaml:12:13` | `schema-invalid` | spec.replicas: expected integer, got string "2" |',
        '',
      ].join('\n'),
    );
  });

  it('gives the findings that did not fit as lines of the log too, for a run without a job summary', () => {
    const errors = Array.from({ length: 11 }, (_, i) => ({ ...SAMPLE_FINDINGS[0]!, line: i + 1 }));
    const out = formatGithub(errors);
    expect(out.overflow).toBe(1);
    expect(out.log).toBe(
      'kubeplan: 1 more finding did not fit as annotations (GitHub shows 10 of each level per step):\n' +
        'deploy/api.yaml:11:13  error  spec.replicas: expected integer, got string "2"  schema-invalid\n',
    );
    expect(formatGithub(SAMPLE_FINDINGS)).toMatchObject({ overflow: 0, log: '' });
  });
});
