import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const VALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';
const WARNING_ONLY = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: w\n';

describe('kubeplan lint: exit codes', () => {
  it('exits 0 when there is nothing at or above the fail level', async () => {
    const r = await runCli(['lint', '-'], { stdin: VALID });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No problems found (1 file, 1 object).\n');
  });

  it('exits 1 for findings at or above --fail-on', async () => {
    expect((await runCli(['lint', 'fixtures/demo'])).code).toBe(1);
    expect((await runCli(['lint', '-'], { stdin: WARNING_ONLY })).code).toBe(0);
    expect((await runCli(['lint', '--fail-on', 'warning', '-'], { stdin: WARNING_ONLY })).code).toBe(1);
    expect((await runCli(['lint', '--fail-on', 'never', 'fixtures/demo'])).code).toBe(0);
  });

  it('exits 2 when an input cannot be read, after reporting the rest', async () => {
    const r = await runCli(['lint', 'no/such/dir', 'fixtures/demo/namespace.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      'no/such/dir:1:1  error    cannot read file: no such file or directory  file-unreadable\n\n1 error, 0 warnings, 0 info (2 files, 1 object).\n',
    );
  });

  it('exits 2 on a usage error', async () => {
    const r = await runCli(['lint', '--fail-on', 'sometimes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--fail-on <level>' argument 'sometimes' is invalid");
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['lint', '--max-file-size', 'huge', '-'], { stdin: VALID })).code).toBe(2);
  });

  it('exits 0 for --help and --version', async () => {
    const help = await runCli(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <level>');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('kubeplan lint --profile', () => {
  const DEPLOYMENT = 'fixtures/rules/liveness-probe-missing/invalid/deployment.yaml';
  const rules = (stdout: string) => [...new Set(stdout.match(/[a-z-]+$/gm) ?? [])].sort();

  it('runs the default profile unless --profile or the configuration chooses another', async () => {
    const byDefault = await runCli(['lint', DEPLOYMENT]);
    expect(rules(byDefault.stdout)).not.toContain('liveness-probe-missing');
    const all = await runCli(['lint', '--profile', 'all', DEPLOYMENT]);
    expect(rules(all.stdout)).toContain('liveness-probe-missing');
    expect(rules(all.stdout)).toContain('seccomp-profile-missing');
    const restricted = await runCli(['lint', '--profile', 'restricted', DEPLOYMENT]);
    expect(rules(restricted.stdout)).toContain('seccomp-profile-missing');
    expect(rules(restricted.stdout)).not.toContain('liveness-probe-missing');
  });

  it('refuses an unknown profile as a usage error', async () => {
    const r = await runCli(['lint', '--profile', 'strict', DEPLOYMENT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--profile <profile>' argument 'strict' is invalid");
  });
});

describe('kubeplan lint: text output', () => {
  it('groups findings by file, one line each, then a summary', async () => {
    const r = await runCli(['lint', 'fixtures/bad-input/duplicate-keys.yaml', 'fixtures/bad-input/unknown-api.yaml']);
    expect(r.stdout).toBe(
      [
        'fixtures/bad-input/duplicate-keys.yaml:7:3  error    duplicate key: "mode"; kubectl rejects the document  yaml-duplicate-key',
        '',
        'fixtures/bad-input/unknown-api.yaml:1:13  error    Deployment is not served by apps/v9; use apps/v1  api-unknown',
        'fixtures/bad-input/unknown-api.yaml:7:7   error    apps/v1 has no kind "Deploymnet"; did you mean "Deployment"?  api-unknown',
        'fixtures/bad-input/unknown-api.yaml:12:7  info     no schema for Widget (example.com/v1): not a built-in kind and no CustomResourceDefinition declares it; add the CRD to the input or pass --crd  schema-missing',
        '',
        '3 errors, 0 warnings, 1 info (2 files, 4 objects).',
        '',
      ].join('\n'),
    );
  });

  it('uses colour only on a terminal, unless NO_COLOR is set', async () => {
    expect((await runCli(['lint', '-'], { stdin: WARNING_ONLY, tty: true })).stdout).toContain('\u001b[');
    expect(
      (await runCli(['lint', '-'], { stdin: WARNING_ONLY, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect((await runCli(['lint', '-'], { stdin: WARNING_ONLY })).stdout).not.toContain('\u001b[');
  });

  it('gives byte-identical output for the same input', async () => {
    const a = await runCli(['lint', 'fixtures']);
    const b = await runCli(['lint', 'fixtures']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('kubeplan lint --format json', () => {
  it('prints the documented shape', async () => {
    const r = await runCli(['lint', '--format', 'json', '-'], {
      stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n  namespace: shop\ndata:\n  replicas: 2\n',
    });
    expect(JSON.parse(r.stdout)).toEqual({
      findings: [
        {
          ruleId: 'schema-invalid',
          severity: 'error',
          message: 'data.replicas: expected string, got number 2',
          file: '<stdin>',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 14,
          object: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'api' },
          pointer: '/data/replicas',
          phase: 'schema',
        },
      ],
      summary: { files: 1, documents: 1, objects: 1, errors: 1, warnings: 0, infos: 0, ioErrors: 0, suppressed: 0 },
    });
  });

  it('gives file-level findings a null object', async () => {
    const r = await runCli(['lint', '-f', 'json', '-'], { stdin: '' });
    expect(JSON.parse(r.stdout).findings).toEqual([
      {
        ruleId: 'yaml-empty',
        severity: 'info',
        message: 'file is empty',
        file: '<stdin>',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        object: null,
        pointer: '',
        phase: 'parse',
      },
    ]);
  });
});
