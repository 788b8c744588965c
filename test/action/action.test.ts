import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';
import { FakeGithub, READ_TOKEN, WRITE_TOKEN } from './fake-github.js';

/**
 * The Action's entry run by @github/local-action (as a user debugging an Action would) against
 * a local server that implements the GitHub REST endpoints it calls (./fake-github.ts), on a
 * temporary repository with a pull request: a base commit and a head commit.
 */
const KUBEPLAN = resolve('.');
const LOCAL_ACTION = resolve('node_modules/@github/local-action/bin/local-action.js');

const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      automountServiceAccountToken: false
      containers:
        - name: web
          image: nginx:1.27.3
          livenessProbe: {httpGet: {path: /, port: 8080}}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {memory: 128Mi}
          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsUser: 101, capabilities: {drop: [ALL]}}
`;
// The pull request: a moving image tag and a misspelled field on changed lines.
const HEAD = BASE.replace('image: nginx:1.27.3', 'image: nginx:latest').replace(
  '          resources:',
  '          imagePullPolcy: Always\n          resources:',
);
// An old problem in a file the pull request does not touch: annotated, never commented.
const UNTOUCHED =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  workers: 3\n';

interface Run {
  status: number | null;
  output: string;
}

describe('the GitHub Action on a pull request', () => {
  let dir: string;
  let cleanup: () => void;
  let github: FakeGithub;
  let api: string;
  let baseSha: string;
  let headSha: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      },
    }).trim();

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('kubeplan-action-'));
    mkdirSync(join(dir, 'deploy'));
    git('init', '-q');
    writeFileSync(join(dir, 'deploy/web.yaml'), BASE);
    writeFileSync(join(dir, 'deploy/settings.yaml'), UNTOUCHED);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    baseSha = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'deploy/web.yaml'), HEAD);
    git('commit', '-q', '-am', 'head');
    headSha = git('rev-parse', 'HEAD');
    // GitHub's `patch` of a file is its unified diff without the file headers.
    const patch = git('diff', '-U3', baseSha, headSha, '--', 'deploy/web.yaml').split('\n').slice(4).join('\n');
    github = new FakeGithub('shop/deploy', 42, [{ filename: 'deploy/web.yaml', status: 'modified', patch }]);
    api = await github.start();
    writeFileSync(
      join(dir, 'event.json'),
      JSON.stringify({ pull_request: { number: 42, head: { sha: headSha }, base: { sha: baseSha } } }),
    );
  });
  afterAll(async () => {
    await github?.stop();
    cleanup?.();
  });

  // Asynchronous on purpose: the fake GitHub server runs in this process and must keep answering.
  async function runAction(token: string, extra: Record<string, string> = {}): Promise<Run> {
    const env: Record<string, string> = {
      INPUT_PATHS: 'deploy',
      'INPUT_FAIL-ON': 'error',
      'INPUT_SARIF-FILE': 'kubeplan.sarif',
      'INPUT_REVIEW-COMMENTS': 'true',
      'INPUT_SUMMARY-COMMENT': 'true',
      'INPUT_GITHUB-TOKEN': token,
      GITHUB_REPOSITORY: 'shop/deploy',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_API_URL: api,
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
      ...extra,
    };
    writeFileSync(
      join(dir, '.env'),
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    writeFileSync(join(dir, 'step-summary.md'), '');
    const child = spawn(process.execPath, [LOCAL_ACTION, 'run', KUBEPLAN, 'src/action/main.ts', join(dir, '.env')], {
      cwd: KUBEPLAN,
      timeout: 280_000,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    return { status, output };
  }

  it('comments on changed lines, annotates the rest, writes SARIF and one summary comment', async () => {
    const run = await runAction(WRITE_TOKEN);
    expect(run.output).toContain('Running Action');
    // The review: one, on the head commit, only for lines inside the diff.
    expect(github.reviews).toHaveLength(1);
    const review = github.reviews[0]!;
    expect(review.commit_id).toBe(headSha);
    const commented = (review.comments as Array<{ path: string; line: number; body: string }>).map(
      (c) => `${c.path}:${c.line} ${c.body.split('\n')[1]}`,
    );
    expect(commented).toEqual([
      'deploy/web.yaml:18 **warning** `image-tag-latest`: container "web": image "nginx:latest" uses the moving tag "latest"; pin a version or a digest',
      'deploy/web.yaml:20 **error** `schema-unknown-field`: spec.template.spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy"; did you mean "imagePullPolicy"?',
    ]);
    // The untouched file's problem is an annotation, not a comment.
    expect(run.output).toContain(
      '::error file=deploy/settings.yaml,line=7,endLine=7,col=12,endColumn=13,title=kubeplan schema-invalid::data.workers: expected string, got number 3',
    );
    expect(run.output).not.toContain('::error file=deploy/web.yaml');
    // One summary comment with the hidden marker.
    expect(github.issueComments).toHaveLength(1);
    expect(github.issueComments[0]!.body.startsWith('<!-- kubeplan:summary -->\n')).toBe(true);
    expect(github.issueComments[0]!.body).toContain('kubeplan check');
    // Reports and outputs.
    const sarif = JSON.parse(readFileSync(join(dir, 'kubeplan.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'image-tag-latest',
      'schema-invalid',
      'schema-unknown-field',
    ]);
    expect(readFileSync(join(dir, 'kubeplan-summary.md'), 'utf8')).toContain('kubeplan check');
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toContain('kubeplan check');
    expect(run.output).toContain('::set-output name=errors::2');
    expect(run.output).toContain('::set-output name=warnings::1');
    // Errors at or above fail-on fail the step.
    expect(run.output).toContain('kubeplan: findings at or above "error" (2 errors, 1 warning, 0 info)');
  }, 300_000);

  it('leaves exactly one summary comment and repeats no review comment on a second run', async () => {
    const summary = github.issueComments[0]!.body;
    const reviewComments = github.reviewComments.map((c) => `${c.id} ${c.path}:${c.line}`);
    const before = github.requests.length;
    const run = await runAction(WRITE_TOKEN);
    expect(run.status).toBe(0);
    // It read both comment lists, found its own comments and wrote nothing.
    expect(run.output).toContain('kubeplan: 0 review comments posted, 2 already there, 1 findings as annotations');
    expect(run.output).toContain('kubeplan: summary comment updated');
    expect(run.output).not.toContain('commenting on the pull request failed');
    const calls = github.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => !c.startsWith('GET '))).toEqual([]);
    expect(calls).toEqual(
      expect.arrayContaining(['GET /repos/shop/deploy/pulls/42/comments', 'GET /repos/shop/deploy/issues/42/comments']),
    );
    // The same single summary, unchanged, and the same two review comments.
    expect(github.issueComments.map((c) => c.body)).toEqual([summary]);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments.map((c) => `${c.id} ${c.path}:${c.line}`)).toEqual(reviewComments);
    // Still annotated and still failing: the findings did not go away.
    expect(run.output).toContain(
      '::error file=deploy/settings.yaml,line=7,endLine=7,col=12,endColumn=13,title=kubeplan schema-invalid::data.workers: expected string, got number 3',
    );
    expect(run.output).toContain('::set-output name=errors::2');
    expect(run.output).toContain('kubeplan: findings at or above "error" (2 errors, 1 warning, 0 info)');
  }, 300_000);

  it('works among many comments from people and other bots, over several pages', async () => {
    const summary = github.issueComments[0]!.body;
    const [imageTag, unknownField] = github.reviewComments;
    expect([imageTag?.line, unknownField?.line]).toEqual([18, 20]);
    // Issue comments: 120 from others (page 1 of 100 is all theirs), then kubeplan's own summary,
    // out of date, and a second one a concurrent run left.
    const people = Array.from({ length: 120 }, (_, i) => ({
      id: i + 1,
      body:
        i % 3 === 0
          ? `<!-- other-bot:report -->\nCoverage ${i}%`
          : i % 3 === 1
            ? `LGTM, but see the kubeplan summary below (${i})`
            : '',
      user: { login: i % 3 === 0 ? 'coverage[bot]' : `dev${i}` },
    }));
    github.issueComments.length = 0;
    github.issueComments.push(
      ...people.map((c) => ({ ...c })),
      { id: 1000, body: '<!-- kubeplan:summary -->\nan old summary', user: { login: 'github-actions[bot]' } },
      { id: 5000, body: '<!-- kubeplan:summary -->\na concurrent run', user: { login: 'github-actions[bot]' } },
    );
    // Review comments: 130 from others on the same lines (some outdated: no line), a reply to
    // kubeplan's comment, kubeplan's comment on the moving tag (still a finding) and one on a
    // finding that no longer exists. Its comment on the misspelled field was deleted by someone.
    const others = Array.from({ length: 130 }, (_, i) => ({
      id: i + 1,
      body: i % 2 ? `nit: line ${i}` : '<!-- linter:finding:abc123 -->\n**warning** something else',
      user: { login: i % 2 ? `dev${i}` : 'linter[bot]' },
      path: 'deploy/web.yaml',
      ...(i % 5 === 0 ? {} : { line: i % 2 ? 18 : 20 }),
    }));
    const stale = {
      id: 900,
      body: '<!-- kubeplan:finding:0123456789abcdef0123456789abcdef -->\n**error** `schema-invalid`: fixed since',
      user: { login: 'github-actions[bot]' },
      path: 'deploy/web.yaml',
      line: 5,
    };
    const reply = {
      id: 901,
      body: 'We pin it in the next release.',
      user: { login: 'dev1' },
      path: 'deploy/web.yaml',
      line: 18,
    };
    github.reviewComments.length = 0;
    github.reviewComments.push(...others.map((c) => ({ ...c })), stale, { ...imageTag! }, reply);
    const before = github.requests.length;

    const run = await runAction(WRITE_TOKEN);
    expect(run.status).toBe(0);
    expect(run.output).not.toContain('commenting on the pull request failed');
    expect(run.output).toContain('kubeplan: 1 review comments posted, 1 already there, 1 findings as annotations');
    const calls = github.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    // Both lists were read to their second page.
    expect(calls.filter((c) => c === 'GET /repos/shop/deploy/pulls/42/comments')).toHaveLength(2);
    expect(calls.filter((c) => c === 'GET /repos/shop/deploy/issues/42/comments')).toHaveLength(2);
    // One new review with only the missing comment; the summary brought up to date in place;
    // the concurrent run's copy removed; nobody else's comment touched.
    expect(calls.filter((c) => !c.startsWith('GET '))).toEqual([
      'POST /repos/shop/deploy/pulls/42/reviews',
      'PATCH /repos/shop/deploy/issues/comments/1000',
      'DELETE /repos/shop/deploy/issues/comments/5000',
    ]);
    expect(github.reviews).toHaveLength(2);
    const review = github.reviews[1]!.comments as Array<{ path: string; line: number; body: string }>;
    expect(review.map((c) => `${c.path}:${c.line} ${c.body}`)).toEqual([`deploy/web.yaml:20 ${unknownField!.body}`]);
    expect(github.issueComments).toEqual([
      ...people,
      { id: 1000, body: summary, user: { login: 'github-actions[bot]' } },
    ]);
    expect(github.reviewComments.slice(0, 133)).toEqual([...others, stale, imageTag, reply]);
    expect(github.reviewComments).toHaveLength(134);
    expect(run.output).toContain('kubeplan: findings at or above "error" (2 errors, 1 warning, 0 info)');
  }, 300_000);

  it('falls back to annotations with a read-only token, without failing for that reason', async () => {
    // A pull request nobody has commented on yet, so the run has something to write.
    github.issueComments.length = 0;
    github.reviewComments.length = 0;
    const before = github.requests.length;
    const run = await runAction(READ_TOKEN, { 'INPUT_FAIL-ON': 'never' });
    expect(run.output).toContain('the token cannot write to this pull request');
    expect(run.output).toContain('::error file=deploy/web.yaml,line=20');
    expect(run.output).toContain('::warning file=deploy/web.yaml,line=18');
    expect(run.output).not.toMatch(/::error::kubeplan/);
    const writes = github.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/shop/deploy/pulls/42/reviews']);
    expect(github.issueComments).toHaveLength(0);
  }, 300_000);
});
