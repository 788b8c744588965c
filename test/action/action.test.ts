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
    await runAction(WRITE_TOKEN);
    expect(github.issueComments).toHaveLength(1);
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments).toHaveLength(2);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
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
