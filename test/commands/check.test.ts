import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { check, mergeFindings } from '../../src/commands/check.js';
import type { Finding } from '../../src/model/finding.js';
import { runCommand } from '../diff/run-command.js';

/** The 1-based line of the first line of `file` containing `text`: positions that survive edits elsewhere in the demo. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${text} is not in ${file}`);
  return index + 1;
}

const DEMO = ['check', 'fixtures/demo', '--current', 'fixtures/diff/current'];

describe('kubeplan check', () => {
  it('lints, plans and diffs the demo against its previous release in one report with one exit code', async () => {
    const { code, stdout, stderr } = await runCommand([...DEMO, '--format', 'json']);
    expect([code, stderr]).toEqual([1, '']);
    const report = JSON.parse(stdout) as {
      findings: Finding[];
      changes: Array<{ action: string; object: { kind: string; name: string }; refused: string | null }>;
      summary: Record<string, unknown>;
    };
    const at = (f: Finding): string => `${f.file}:${f.line} ${f.ruleId}`;
    const findings = report.findings.map(at);
    expect(findings).toEqual(
      expect.arrayContaining([
        // lint
        `fixtures/demo/api.yaml:${lineOf('fixtures/demo/api.yaml', 'replicas: "2"')} schema-invalid`,
        // diff: the change the API server refuses, the rollout that does not fit, the route the Service rename breaks
        `fixtures/demo/redis.yaml:${lineOf('fixtures/demo/redis.yaml', 'clusterIP: None')} immutable-field`,
        `fixtures/demo/frontend.yaml:${lineOf('fixtures/demo/frontend.yaml', 'replicas: 3')} rollout-stalls`,
        `fixtures/demo/ingress.yaml:${lineOf('fixtures/demo/ingress.yaml', 'service:')} ingress-route-lost`,
        // the api pods read the changed config from their environment, and nothing restarts them
        `fixtures/demo/api-config.yaml:${lineOf('fixtures/demo/api-config.yaml', 'LOG_LEVEL:')} config-change-not-rolled-out`,
        `fixtures/demo/api-config.yaml:${lineOf('fixtures/demo/api-config.yaml', 'database-password:')} config-change-not-rolled-out`,
        // plan, with the manifests applied over the running cluster
        `fixtures/demo/frontend.yaml:${lineOf('fixtures/demo/frontend.yaml', 'requests:')} pod-unschedulable`,
      ]),
    );
    // lint's schema error is not repeated as the plan's or the diff's refusal
    expect(findings.filter((f) => f.includes('object-rejected'))).toEqual([]);
    expect(new Set(findings).size).toBe(findings.length);
    expect(report.changes.filter((c) => c.refused).map((c) => `${c.object.kind} ${c.object.name}`)).toEqual([
      'Service redis',
      'Deployment api',
      'Ingress shop',
    ]);
    expect(report.summary.changes).toEqual({ create: 1, update: 8, delete: 0, unchanged: 5, unmanaged: 1 });
    for (const secret of [
      'correct-horse-battery-staple',
      'Tr0ub4dor&3',
      Buffer.from('correct-horse-battery-staple').toString('base64'),
      'VHIwdWI0ZG9yJjM=',
    ]) {
      expect(stdout.includes(secret)).toBe(false);
    }
  });

  it('prints the changes, the consequences and every finding as text', async () => {
    const { stdout } = await runCommand(DEMO);
    expect(stdout.startsWith('Changes against fixtures/diff/current\n\n')).toBe(true);
    expect(stdout).toContain(
      '\nConsequences\n  Deployment shop/frontend: rolls out, 2 pods replaced by 3 new (RollingUpdate, maxSurge 1, maxUnavailable 0): new 0→2; stalls there: 2 pods cannot be scheduled: 0/7 nodes are available:',
    );
    expect(stdout).toContain('  Ingress shop/shop shop.example.com/: frontend:80 → frontend:web (port missing)\n');
    expect(stdout).toContain('? ConfigMap shop/feature-flags  fixtures/diff/current/shop.yaml:');
    expect(
      stdout.endsWith(
        '1 to create, 8 to update, 0 to delete (5 unchanged, 1 unmanaged; 6 objects of the cluster not compared: 1 made by the cluster, 5 in other namespaces)\n',
      ),
    ).toBe(true);
  });

  it('prints a pull-request comment with --format markdown', async () => {
    const { stdout } = await runCommand([...DEMO, '--format', 'markdown']);
    // The finding counts follow the demo's planted mistakes; the change count is this fixture's.
    expect(stdout.split('\n| | object |')[0]).toMatch(
      /^### kubeplan check\n\n\*\*\d+ errors, \d+ warnings?, \d+ info \(\d+ files, \d+ objects\)\*\*\n\n(\*\*\d+ findings? suppressed by kubeplan\.io\/ignore annotations\*\*\n\n)?\*\*1 to create, 8 to update, 0 to delete \(5 unchanged, 1 unmanaged; 6 objects of the cluster not compared: 1 made by the cluster, 5 in other namespaces\)\*\*\n$/,
    );
    expect(stdout).toContain(
      '| update | Service shop/redis | `fixtures/demo/redis.yaml:63` | refused: spec.clusterIP: field is immutable ("10.96.112.40" → "None") |',
    );
    expect(stdout).toContain('<details><summary>~ Secret shop/api-secrets</summary>');
  });

  it('lints and plans on an empty cluster without a current state', async () => {
    const { code, stdout } = await runCommand(['check', 'fixtures/diff/consequences/desired.yaml', '--format', 'json']);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect([
      report.current,
      report.changes,
      report.consequences,
      (report.summary as Record<string, unknown>).changes,
    ]).toEqual([null, null, null, null]);
    // The plan and the rules both see that the mail Service selects no pod; warnings only, so exit 0.
    expect(code).toBe(0);
    expect(
      (report.findings as Finding[]).filter((f) => f.line === 104).map((f) => `${f.ruleId} ${f.phase} ${f.severity}`),
    ).toEqual(['service-no-endpoints simulate warning', 'service-selector-no-pods rule warning']);
  });

  it('plans on the node groups of the configuration', async () => {
    const config = { cluster: { nodeGroups: [{ name: 'tiny', count: 1, cpu: '1', memory: '1Gi' }] } };
    const result = await check(['fixtures/diff/consequences/desired.yaml'], { config });
    expect(result.plan!.clusterSource).toBe('config');
    expect(result.findings.filter((f) => f.ruleId === 'pod-unschedulable').map((f) => f.line)).toEqual([
      33, 48, 62, 78, 91,
    ]);
  });

  it('reads standard input once for all stages', async () => {
    const manifest = readFileSync('fixtures/diff/secrets/only-token.yaml', 'utf8');
    const { code, stdout } = await runCommand(
      ['check', '-', '--current', 'fixtures/diff/secrets/current.yaml', '--format', 'json'],
      { stdin: manifest },
    );
    const report = JSON.parse(stdout) as { changes: Array<{ action: string; desired: { file: string } | null }> };
    expect(code).toBe(0);
    expect(report.changes.map((c) => `${c.action} ${c.desired?.file ?? ''}`)).toEqual([
      'unmanaged ',
      'unchanged <stdin>',
    ]);
  });

  it('bounds standard input by --max-file-size in every stage', async () => {
    const manifest = readFileSync('fixtures/diff/secrets/only-token.yaml', 'utf8');
    const { code, stdout } = await runCommand(['check', '-', '--max-file-size', '100', '--format', 'json'], {
      stdin: manifest,
    });
    const report = JSON.parse(stdout) as { findings: Finding[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual([
      'file-too-large <stdin>:1:1',
    ]);
    expect(code).toBe(1);
  });

  it('exits 2 when the current state cannot be used', async () => {
    const { code, stderr } = await runCommand(['check', 'fixtures/demo', '--current', 'git:no-such-revision-anywhere']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown revision "no-such-revision-anywhere"/);
  });
});

describe('mergeFindings', () => {
  const finding = (ruleId: string, line: number, message = 'm', phase: Finding['phase'] = 'rule'): Finding => ({
    ruleId,
    severity: 'error',
    message,
    file: 'a.yaml',
    line,
    column: 3,
    pointer: '',
    phase,
  });

  it('keeps each finding once and drops refusals that repeat a schema error at the same place', () => {
    const merged = mergeFindings(
      [finding('yaml-syntax', 9, 'bad', 'parse'), finding('schema-invalid', 4, 'x', 'schema')],
      [
        finding('yaml-syntax', 9, 'bad', 'parse'),
        finding('object-rejected', 4, 'refused', 'simulate'),
        finding('object-rejected', 7, 'refused', 'simulate'),
      ],
      [finding('object-rejected', 4, 'refused', 'diff'), finding('pod-unschedulable', 4, 'no room', 'simulate')],
    );
    expect(merged.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '4 pod-unschedulable',
      '4 schema-invalid',
      '7 object-rejected',
      '9 yaml-syntax',
    ]);
  });
});

describe('kubeplan check --format markdown without a current state', () => {
  it("shows the plan: pods per workload with the scheduler's reason, and how full the nodes get", async () => {
    const { stdout } = await runCommand(['check', 'fixtures/plan/shop', '--format', 'markdown', '--fail-on', 'never']);
    const plan = stdout.slice(stdout.indexOf('#### Plan'), stdout.indexOf('#### Errors'));
    expect(plan).toBe(`#### Plan on 7 nodes (the embedded default cluster)

| workload | pods scheduled | why not |
|---|---|---|
| Deployment shop/search | 0/2 of 2 wanted | 0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 6 Insufficient cpu. preemption: 0/7 nodes are available: 7 Preemption is not helpful for scheduling. |
| Deployment shop/web | 3/3 of 3 wanted |  |
| DaemonSet kube-system/gpu-driver | 0/0 |  |
| DaemonSet kube-system/log-agent | 6/6 |  |
| Job shop/migrate | 0/0 of 2 wanted |  |

Requested: CPU 1050m of 25450m (4%), memory 1.1GiB of 94.2GiB (1%), 9 of 770 pods.

Services without endpoints: shop/search.

`);
  });
});
