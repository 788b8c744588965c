import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeWithTool } from '../helpers/system-tool.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * End to end with the real pre-commit (Debian package `pre-commit`): a temporary repository uses
 * this checkout's `.pre-commit-hooks.yaml` at its HEAD commit. pre-commit installs the hook the
 * way it does for users (npm install, npm pack, npm install -g), which takes a minute the first
 * time; its store is kept in node_modules/.cache so later runs at the same commit reuse it.
 */
const KUBEPLAN = resolve('.');
const STORE = resolve('node_modules/.cache/pre-commit-e2e');
const GIT_ENV = {
  ...process.env,
  PRE_COMMIT_HOME: STORE,
  GIT_AUTHOR_NAME: 'kubeplan test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'kubeplan test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

describeWithTool(
  'pre-commit',
  ['--version'],
  'apt-get install pre-commit',
)('pre-commit hooks kubeplan-lint and kubeplan-check', () => {
  let dir: string;
  let cleanup: () => void;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });

  beforeAll(() => {
    ({ dir, cleanup } = tempDir('kubeplan-pre-commit-'));
    mkdirSync(STORE, { recursive: true });
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: KUBEPLAN, encoding: 'utf8' }).trim();
    git('init', '-q');
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${KUBEPLAN}\n    rev: ${rev}\n    hooks:\n      - id: kubeplan-lint\n      - id: kubeplan-check\n        args: [deploy]\n`,
    );
    git('add', '.pre-commit-config.yaml');
    expect(git('commit', '-q', '--no-verify', '-m', 'config').status).toBe(0);
    expect(spawnSync('pre-commit', ['install'], { cwd: dir, env: GIT_ENV }).status).toBe(0);
  });
  afterAll(() => cleanup?.());

  it('refuses a commit with a broken manifest and prints the finding', () => {
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(
      join(dir, 'deploy/config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  workers: 3\n',
    );
    git('add', 'deploy/config.yaml');
    const commit = git('commit', '-m', 'broken config');
    expect(commit.status).not.toBe(0);
    const output = commit.stdout + commit.stderr;
    expect(output).toMatch(/kubeplan lint\.+Failed/);
    expect(output).toMatch(/kubeplan check\.+Failed/);
    expect(output).toContain(
      'deploy/config.yaml:6:12  error    data.workers: expected string, got number 3  schema-invalid',
    );
    expect(git('rev-list', '--count', 'HEAD').stdout.trim()).toBe('1');
  }, 600_000);

  it('lets a clean manifest through', () => {
    writeFileSync(
      join(dir, 'deploy/config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  workers: "3"\n',
    );
    git('add', 'deploy/config.yaml');
    const commit = git('commit', '-m', 'clean config');
    expect(commit.stdout + commit.stderr).toMatch(/kubeplan lint\.+Passed/);
    expect(commit.stdout + commit.stderr).toMatch(/kubeplan check\.+Passed/);
    expect(commit.status).toBe(0);
    expect(git('rev-list', '--count', 'HEAD').stdout.trim()).toBe('2');
  }, 600_000);
});
