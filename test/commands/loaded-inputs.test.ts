import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/commands/check.js';
import { diff } from '../../src/commands/diff.js';
import { lint } from '../../src/commands/lint.js';
import { plan } from '../../src/commands/plan.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { loadInputs } from '../../src/load/inputs.js';
import { readSource } from '../../src/load/read-source.js';
import { consequenceLines } from '../../src/report/diff-consequences.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

const deployment = (replicas: number, namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: 100m, memory: 64Mi}
`;

const CRD = readFileSync('fixtures/crds/backup-crd.yaml', 'utf8');
const BACKUP = `apiVersion: storage.example.com/v1
kind: Backup
metadata:
  name: nightly
  namespace: shop
spec:
  schedule: "0 3 * * *"
  retention: 7
`;

describe('inputs loaded once, for every command', () => {
  const { dir: root, cleanup } = tempDir('kubeplan-inputs-');
  // The repository the commands check; ns/ holds the files of the -n case.
  const dir = join(root, 'repo');
  beforeAll(() => {
    for (const sub of ['repo/app', 'repo/vendor/crds', 'repo/vendor/nodes', 'repo/vendor/dump', 'ns'])
      mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(dir, 'app/web.yaml'), deployment(3));
    writeFileSync(join(dir, 'app/backup.yaml'), BACKUP);
    writeFileSync(
      join(dir, 'app/lonely.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: lonely\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\n',
    );
    writeFileSync(join(dir, 'vendor/crds/backup-crd.yaml'), CRD);
    writeFileSync(join(dir, 'vendor/web.yaml'), deployment(9));
    writeFileSync(
      join(dir, 'vendor/nodes/nodes.yaml'),
      'apiVersion: v1\nkind: Node\nmetadata:\n  name: only\nstatus:\n  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}\n',
    );
    writeFileSync(
      join(dir, 'vendor/dump/web.yaml'),
      deployment(2, 'default').replace('  name: web\n', '  name: web\n  creationTimestamp: "2025-05-05T00:00:00Z"\n'),
    );
    writeFileSync(join(root, 'ns/current.yaml'), deployment(2, 'shop'));
    writeFileSync(join(root, 'ns/desired.yaml'), deployment(3));
  });
  afterAll(cleanup);

  const config = () => ({
    file: join(dir, '.kubeplan.yaml'),
    ignorePaths: ['vendor/'],
    failOn: 'warning' as const,
    cluster: { nodeGroups: [{ name: 'tiny', count: 1, cpu: '1', memory: '1Gi' }] },
  });

  it('plan() takes the configuration: ignorePaths, node groups and failOn', async () => {
    const result = await plan([dir], { config: config() });
    // vendor/web.yaml (9 replicas) is not read.
    expect(result.state.objects.filter((o) => o.kind === 'Pod')).toHaveLength(3);
    expect(result.clusterSource).toBe('config');
    expect(result.summary.files).toBe(3);
    // The Service without endpoints is a warning: failOn warning fails, the default (error) does not.
    expect(result.findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning service-no-endpoints']);
    expect(result.exitCode).toBe(1);
    expect((await plan([dir], { config: { ...config(), failOn: undefined } })).exitCode).toBe(0);
  });

  it('reads --crd, --cluster and a --current dump whole, whatever the excludes, in every command', async () => {
    const crds = [join(dir, 'vendor/crds')];
    const cluster = [join(dir, 'vendor/nodes')];
    const current = [join(dir, 'vendor/dump')];
    // The Backup lacks spec.target, which only its CustomResourceDefinition (in --crd) requires.
    const backup = (findings: ReadonlyArray<{ file: string; ruleId: string }>) =>
      findings.filter((f) => f.file.endsWith('backup.yaml')).map((f) => f.ruleId);
    for (const exclude of [['vendor'], ['**/crds/**', '**/nodes/**', '**/dump/**']]) {
      const options = { config: config(), exclude, crds, cluster };
      expect(backup((await lint([dir], options)).findings)).toEqual(['schema-invalid']);
      const planned = await plan([dir], { ...options, current });
      expect(backup(planned.findings)).toEqual(['object-rejected']);
      expect(planned.clusterSource).toBe('files');
      expect(
        planned.state.objects.filter((o) => o.kind === 'Node').map((o) => (o.metadata as { name?: string }).name),
      ).toEqual(['only']);
      // The dump was read: the plan's clock is its creationTimestamp.
      expect(planned.now).toBe('2025-05-05T00:00:00Z');
      const diffed = await diff([dir], { ...options, current });
      expect(backup(diffed.findings)).toEqual(['object-rejected']);
      expect(diffed.changes.map((c) => `${c.action} ${c.ref.kind}${c.refused ? ' (refused)' : ''}`)).toEqual([
        'create Service',
        'update Deployment',
        'create Backup (refused)',
      ]);
      expect(backup((await check([dir], { ...options, current })).findings)).toEqual(['schema-invalid']);
    }
  });

  it('check reads each file once and validates each object once', async () => {
    const reads: string[] = [];
    const readFile = (path: string, max: number) => {
      reads.push(path);
      return readSource(path, max);
    };
    const result = await check(['fixtures/demo'], { current: ['fixtures/diff/current'], readFile });
    expect(reads.sort()).toEqual([...new Set(reads)]);
    expect(reads.filter((r) => r.startsWith('fixtures/demo/'))).toHaveLength(result.lint.summary.files);
    expect(reads.filter((r) => r.startsWith('fixtures/diff/current/'))).toHaveLength(2);
    // The same manifests, not copies: the diff and lint saw one load.
    expect(result.diff!.changes.filter((c) => c.desired).every((c) => result.lint.manifests.includes(c.desired!))).toBe(
      true,
    );
    const planReads: string[] = [];
    await check(['fixtures/demo'], {
      readFile: (path, max) => {
        planReads.push(path);
        return readSource(path, max);
      },
    });
    expect(planReads).toHaveLength(result.lint.summary.files);
  });

  it('reports an object of an unserved version once, as api-unknown, in check; plan alone says it is left out', async () => {
    const file = 'fixtures/bad-input/unknown-api.yaml';
    const at = (f: { line: number; column: number; ruleId: string }) => `${f.line}:${f.column} ${f.ruleId}`;
    const checked = await check([file]);
    expect(checked.findings.filter((f) => f.line === 1 || f.line === 7).map(at)).toEqual([
      '1:13 api-unknown',
      '7:7 api-unknown',
    ]);
    const withCurrent = await check([file], { current: ['fixtures/diff/bad-dump.yaml'] });
    expect(withCurrent.findings.filter((f) => f.file === file && f.line === 1).map(at)).toEqual(['1:13 api-unknown']);
    const planned = await plan([file]);
    expect(planned.findings.filter((f) => f.line === 1).map(briefAt)).toEqual([
      '1:13 object-rejected the API server refuses this object, so the plan leaves it out: Deployment is not served by apps/v9; use apps/v1',
    ]);
  });

  it('plans an object of a beta version a cluster may turn on, after its warning', async () => {
    const claim =
      'apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaimTemplate\nmetadata: {name: gpu, namespace: shop}\nspec: {spec: {}}\n';
    const planned = await plan(['-'], { readStdin: async () => Buffer.from(claim) });
    expect(planned.findings.filter((f) => f.ruleId === 'object-rejected')).toEqual([]);
    expect(planned.state.objects.map((o) => `${o.kind} ${(o.metadata as { name: string }).name}`)).toContain(
      'ResourceClaimTemplate gpu',
    );
  });

  it('carries -n into the consequences: an unnamespaced Deployment scaled 2 → 3 in shop', async () => {
    const result = await diff([join(root, 'ns/desired.yaml')], {
      current: [join(root, 'ns/current.yaml')],
      namespace: 'shop',
    });
    expect(result.changes.map((c) => `${c.action} ${c.ref.namespace}/${c.ref.name}`)).toEqual(['update shop/web']);
    expect(consequenceLines(result.consequences!)).toEqual(['Deployment shop/web: scales 2 → 3 pods']);
  });

  it('reads standard input once, for the manifests and a --crd named - alike', async () => {
    let reads = 0;
    const text = `${CRD}\n---\n${BACKUP}`;
    const loaded = await loadInputs(['-'], {
      crds: ['-'],
      readStdin: async () => {
        reads++;
        return Buffer.from(text);
      },
    });
    expect(reads).toBe(1);
    expect(loaded.desired.manifests.map((m) => m.ref.kind)).toEqual(['CustomResourceDefinition', 'Backup']);
    expect(loaded.crds.manifests.map((m) => m.ref.kind)).toEqual(['CustomResourceDefinition', 'Backup']);
  });

  it('gives the other inputs of the run (--cluster) the same standard input', async () => {
    let reads = 0;
    const loaded = await loadInputs(['-'], {
      readStdin: async () => {
        reads++;
        return Buffer.from(BACKUP);
      },
    });
    const again = await loadManifests(['-'], loaded.referenceOptions);
    expect(reads).toBe(1);
    expect(again.findings).toEqual([]);
    expect(again.manifests.map((m) => m.ref.kind)).toEqual(['Backup']);
  });

  it('bounds standard input by --max-file-size, as a file', async () => {
    const loaded = await loadInputs(['-'], { maxFileBytes: 10, readStdin: async () => Buffer.from(BACKUP) });
    expect(loaded.desired.manifests).toEqual([]);
    expect(loaded.desired.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column, f.message])).toEqual([
      [
        'file-too-large',
        'error',
        '<stdin>',
        1,
        1,
        `standard input is ${Buffer.byteLength(BACKUP)}B, above the 10B limit; not checked (raise it with --max-file-size)`,
      ],
    ]);
  });
});
