import { describe, expect, it } from '@jest/globals';
import { addedLines, commentableLines } from '../../src/action/diff-lines.js';
import { MAX_REVIEW_COMMENTS, planReview } from '../../src/action/review-plan.js';
import type { Finding } from '../../src/model/finding.js';
import { findingFingerprint } from '../../src/report/fingerprint.js';

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
    expect(plan.comments[0]!.body).toBe(
      `<!-- kubeplan:finding:${findingFingerprint(finding('deploy/a.yaml', 2))} -->\n**error** \`schema-invalid\`: problem at 2`,
    );
  });

  it('does not repeat a comment an earlier run posted', () => {
    const f = finding('deploy/a.yaml', 3);
    const plan = planReview([f], lines, new Set([findingFingerprint(f)]), pathOf);
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
    expect(plan.comments).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(plan.comments.some((c) => c.body.includes('**error**'))).toBe(true);
    expect(plan.elsewhere).toHaveLength(11);
  });
});
