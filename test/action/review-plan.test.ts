import { describe, expect, it } from '@jest/globals';
import { addedLines, commentableLines } from '../../src/action/diff-lines.js';
import { MAX_REVIEW_COMMENTS, planReview } from '../../src/action/review-plan.js';
import type { Finding } from '../../src/model/finding.js';

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: apps/v1',
  '-kind: Deploymnet',
  '+kind: Deployment',
  '+metadata: {}',
  ' spec:',
  '@@ -20,3 +21,3 @@ spec:',
  '   replicas: 3',
  '-  x: 1',
  '+  y: 2',
  '\\ No newline at end of file',
].join('\n');

const finding = (
  file: string,
  line: number,
  severity: Finding['severity'] = 'error',
  ruleId = 'schema-invalid',
): Finding => ({
  ruleId,
  severity,
  message: `problem at ${line}`,
  file,
  line,
  column: 1,
  pointer: `/l${line}`,
  phase: 'schema',
});

describe('diff lines', () => {
  it('lists the new-side lines each hunk adds, not context or removed lines', () => {
    expect([...addedLines(PATCH)]).toEqual([2, 3, 22]);
  });

  it('skips removed files and files without a patch', () => {
    const map = commentableLines([
      { filename: 'a.yaml', status: 'modified', patch: PATCH },
      { filename: 'gone.yaml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
      { filename: 'big.json', status: 'modified' },
    ]);
    expect([...map.keys()]).toEqual(['a.yaml']);
  });
});

describe('review plan', () => {
  const lines = commentableLines([{ filename: 'deploy/a.yaml', patch: PATCH }]);
  const pathOf = (file: string) => file.replace(/^\.\//, '');

  it('comments only on lines the pull request adds, the rest are annotated', () => {
    const plan = planReview(
      [
        finding('deploy/a.yaml', 2),
        finding('deploy/a.yaml', 4),
        finding('deploy/a.yaml', 10),
        finding('other.yaml', 2),
      ],
      lines,
      new Set(),
      pathOf,
    );
    expect(plan.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['deploy/a.yaml:2']);
    expect(plan.elsewhere.map((f) => `${f.file}:${f.line}`)).toEqual([
      'deploy/a.yaml:4',
      'deploy/a.yaml:10',
      'other.yaml:2',
    ]);
    // The marker carries the first 32 hex digits of SHA-256 over the rule, file, object identity
    // (none here), pointer and message joined by NUL: "schema-invalid\0deploy/a.yaml\0\0/l2\0problem at 2".
    expect(plan.comments[0]).toEqual({
      path: 'deploy/a.yaml',
      line: 2,
      side: 'RIGHT',
      body: '<!-- kubeplan:finding:de57e280b0f0e02ec4323e101f0e20fb -->\n**error** `schema-invalid`: problem at 2',
    });
  });

  it('does not repeat a comment an earlier run posted', () => {
    // The fingerprint of finding('deploy/a.yaml', 3), worked out as above.
    const plan = planReview(
      [finding('deploy/a.yaml', 3)],
      lines,
      new Set(['dd7eac2925aefd2b2395abf6ef449617']),
      pathOf,
    );
    expect(plan.comments).toEqual([]);
    expect(plan.elsewhere).toEqual([]);
    expect(plan.alreadyPosted).toBe(1);
  });

  it(`posts at most ${MAX_REVIEW_COMMENTS} comments, most severe first`, () => {
    const many = [
      ...Array.from({ length: 40 }, (_, i) => ({
        ...finding('deploy/a.yaml', 3, 'info', 'yaml-empty'),
        pointer: `/info${i}`,
      })),
      { ...finding('deploy/a.yaml', 22), pointer: '/err' },
    ];
    const plan = planReview(many, lines, new Set(), pathOf);
    // The error takes one of the 30 places; the first 29 infos take the rest, the other 11 are annotated.
    expect(plan.comments.map((c) => `${c.line} ${c.body.split('\n')[1]}`)).toEqual([
      ...Array.from({ length: 29 }, () => '3 info `yaml-empty`: problem at 3'),
      '22 **error** `schema-invalid`: problem at 22',
    ]);
    expect(plan.elsewhere.map((f) => f.pointer)).toEqual(Array.from({ length: 11 }, (_, i) => `/info${29 + i}`));
    expect(plan.alreadyPosted).toBe(0);
  });
});
