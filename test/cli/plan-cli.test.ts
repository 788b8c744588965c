import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { cli } from '../../src/cli.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Runs the CLI with another working directory for configuration discovery (inputs stay relative to the repository). */
async function runIn(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

const LONELY_SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector: { app: api }\n  ports: [{ port: 80 }]\n';
const CLEAN =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  LOG_LEVEL: info\n';

describe('kubeplan plan: exit codes', () => {
  it('exits 1 for findings at or above --fail-on, 0 otherwise', async () => {
    expect((await runCli(['plan', 'fixtures/plan/shop'])).code).toBe(1);
    expect((await runCli(['plan', '--fail-on', 'never', 'fixtures/plan/shop'])).code).toBe(0);
    expect((await runCli(['plan', 'fixtures/plan/jobs'])).code).toBe(0);
    expect((await runCli(['plan', '-'], { stdin: CLEAN })).code).toBe(0);
    // A Service that selects no pod is a warning: it fails the run only from --fail-on warning.
    expect((await runCli(['plan', '-'], { stdin: LONELY_SERVICE })).code).toBe(0);
    const strict = await runCli(['plan', '--fail-on', 'warning', '-'], { stdin: LONELY_SERVICE });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      '<stdin>:7:13  warning  Service shop/api has no endpoints: no pod matches its selector app=api  service-no-endpoints',
    );
  });

  it('exits 2 for usage errors and unreadable inputs', async () => {
    const badFormat = await runCli(['plan', '--format', 'html', 'fixtures/plan/shop']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain(
      "option '-f, --format <format>' argument 'html' is invalid. Allowed choices are text, json, yaml.",
    );
    const badNow = await runCli(['plan', '--now', 'yesterday', 'fixtures/plan/shop']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('invalid time "yesterday" (use RFC 3339, e.g. 2026-03-01T12:00:00Z)');
    expect((await runCli(['plan', '--frobnicate'])).code).toBe(2);
    expect((await runCli(['plan', '-o', 'wide', 'fixtures/plan/shop'])).code).toBe(2);
    const missing = await runCli(['plan', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(
      'no/such/dir:1:1  error    cannot read file: no such file or directory  file-unreadable',
    );
    const missingCluster = await runCli(['plan', '--cluster', 'no/nodes.yaml', 'fixtures/plan/jobs']);
    expect(missingCluster.code).toBe(2);
    expect(missingCluster.stdout).toContain('Plan at 2026-01-01T00:00:00Z on 0 nodes (--cluster)');
  });
});

describe('kubeplan plan: formats', () => {
  it('writes the plan document as JSON (--format json) and as YAML (-o yaml), the same document', async () => {
    const json = await runCli(['plan', '--format', 'json', 'fixtures/plan/shop']);
    const yaml = await runCli(['plan', '-o', 'yaml', 'fixtures/plan/shop']);
    expect([json.code, yaml.code]).toEqual([1, 1]);
    const document = JSON.parse(json.stdout) as { kind: string; state: { items: unknown[] }; events: unknown[] };
    expect(document.kind).toBe('Plan');
    expect(parse(yaml.stdout)).toEqual(document);
    expect((await runCli(['plan', '-o', 'json', 'fixtures/plan/shop'])).stdout).toBe(json.stdout);
  });

  it('gives byte-identical output for the same input, run after run', async () => {
    for (const format of ['text', 'json', 'yaml']) {
      const args = [
        'plan',
        '--format',
        format,
        'fixtures/plan/shop',
        'fixtures/plan/statefulset',
        '--current',
        'fixtures/current/shop.yaml',
      ];
      const [a, b] = [await runCli(args), await runCli(args)];
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout.length).toBeGreaterThan(1000);
    }
  });
});

describe('kubeplan plan: the cluster and what runs on it', () => {
  it('plans on the nodes of --cluster files', async () => {
    const r = await runCli(['plan', 'fixtures/plan/daemonsets', '--cluster', 'fixtures/clusters/kubectl-nodes.yaml']);
    expect(r.stdout.split('\n')[0]).toBe('Plan at 2026-01-01T00:00:00Z on 3 nodes (--cluster)');
    expect(r.stdout).toContain(
      '  ip-10-0-2-41.eu-west-1.compute.internal  50m / 8000m   1%  64.0MiB / 32.0GiB   0%  1 / 110\n',
    );
  });

  it('reads the nodes from standard input with --cluster -, as kubectl get nodes -o yaml pipes them', async () => {
    const nodes = readFileSync('fixtures/clusters/kubectl-nodes.yaml', 'utf8');
    const r = await runCli(['plan', 'fixtures/plan/daemonsets', '--cluster', '-'], { stdin: nodes });
    expect(r.stdout.split('\n')[0]).toBe('Plan at 2026-01-01T00:00:00Z on 3 nodes (--cluster)');
    expect(r.stdout).toContain(
      '  ip-10-0-2-41.eu-west-1.compute.internal  50m / 8000m   1%  64.0MiB / 32.0GiB   0%  1 / 110\n',
    );
  });

  it('refuses standard input for both the manifests and --cluster: one line, exit 2', async () => {
    for (const command of ['plan', 'check', 'diff']) {
      const args = command === 'diff' ? ['--current', 'fixtures/diff/current'] : [];
      const r = await runCli([command, '-', '--cluster', '-', ...args], { stdin: 'apiVersion: v1\nkind: Node\n' });
      expect([command, r.code, r.stderr]).toEqual([
        command,
        2,
        'kubeplan: --cluster -: standard input already holds the manifests; give the nodes as a file (--cluster nodes.yaml)\n',
      ]);
    }
  });

  it('applies the input over the objects of --current, at the time of the dump', async () => {
    const r = await runCli(['plan', 'fixtures/plan/recreate', '--current', 'fixtures/current/recreate.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan at 2025-12-01T10:00:02Z on 7 nodes (the embedded default cluster)\n');
    expect(r.stdout).toContain(
      '  Deployment ops/migrator: 2/2 pods scheduled of 2 wanted\n    migrator-6bf5cd5fdd-46c9k  worker-2  10.244.2.2\n    migrator-6bf5cd5fdd-rlxnf  worker-1  10.244.1.2\n',
    );
    const at = await runCli([
      'plan',
      'fixtures/plan/recreate',
      '--current',
      'fixtures/current/recreate.yaml',
      '--now',
      '2026-02-03T04:05:06+01:00',
    ]);
    expect(at.stdout.split('\n')[0]).toBe('Plan at 2026-02-03T03:05:06Z on 7 nodes (the embedded default cluster)');
  });

  it('finds .kubeplan.yaml upward: node groups, failOn and ignorePaths apply; flags win', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(
        join(dir, '.kubeplan.yaml'),
        'failOn: never\nignorePaths: [agents.yaml]\ncluster:\n  nodeGroups:\n    - { name: small, count: 2, cpu: 1, memory: 2Gi }\n',
      );
      const r = await runIn(dir, ['plan', 'fixtures/plan/shop']);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(
        'Plan at 2026-01-01T00:00:00Z on 2 nodes (node groups of the configuration)',
      );
      expect(r.stdout).not.toContain('log-agent');
      expect((await runIn(dir, ['plan', '--fail-on', 'error', 'fixtures/plan/shop'])).code).toBe(1);
      const files = await runIn(dir, ['plan', '--cluster', 'fixtures/clusters/nodelist.yaml', 'fixtures/plan/jobs']);
      expect(files.stdout.split('\n')[0]).toBe('Plan at 2026-01-01T00:00:00Z on 1 node (--cluster)');
    } finally {
      cleanup();
    }
  });

  it('reads --current as diff does: git:<revision> is the same paths at that revision; a bad source is a usage error', async () => {
    const unknown = await runCli(['plan', 'fixtures/plan/jobs', '--current', 'git:no-such-revision-anywhere']);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toMatch(
      /^kubeplan: --current git:no-such-revision-anywhere: unknown revision "no-such-revision-anywhere" in /,
    );
    const stdin = await runCli(['plan', 'fixtures/plan/jobs', '--current', '-'], { stdin: '' });
    expect([stdin.code, stdin.stderr]).toEqual([
      2,
      'kubeplan: --current cannot read standard input (the manifests may come from it); give a file or directory\n',
    ]);
    const head = await runCli(['plan', 'fixtures/plan/jobs', '--current', 'git:HEAD', '--format', 'json']);
    expect([head.code, head.stderr]).toEqual([0, '']);
  });

  it('stops with exit code 2 on a configuration mistake, naming it with its position', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const config = join(dir, 'cluster.yaml');
      writeFileSync(config, 'cluster:\n  nodeGroups:\n    - { name: small, count: many, cpu: 1, memory: 2Gi }\n');
      const r = await runCli(['plan', '--config', config, 'fixtures/plan/jobs']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `kubeplan: ${config}:3:29: cluster.nodeGroups[0].count: expected integer, got string "many"\n`,
      );
    } finally {
      cleanup();
    }
  });
});
