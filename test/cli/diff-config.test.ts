import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const deployment = (image: string, sidecar: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - {name: web, image: "${image}"}
        - {name: proxy, image: "${sidecar}"}
`;

describe('the diff section of .kubeplan.yaml', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    writeFileSync(join(dir, 'current.yaml'), deployment('web:1.0', 'proxy:1.0'));
    writeFileSync(join(dir, 'desired.yaml'), deployment('web:1.0', 'proxy:2.0'));
  });
  afterEach(() => cleanup());

  const diff = (config: string) => {
    writeFileSync(join(dir, '.kubeplan.yaml'), config);
    return runCli([
      'diff',
      join(dir, 'desired.yaml'),
      '--current',
      join(dir, 'current.yaml'),
      '--config',
      join(dir, '.kubeplan.yaml'),
      '--no-consequences',
      '--exit-code',
    ]);
  };

  it('leaves out one list item selected by its merge key', async () => {
    const ignored = await diff(
      'diff:\n  ignoreDifferences:\n    - kind: Deployment\n      name: web\n      jsonPointers: [/spec/template/spec/containers/name=proxy/image]\n',
    );
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain('0 to create, 0 to update, 0 to delete (1 unchanged');
    const other = await diff(
      'diff:\n  ignoreDifferences:\n    - kind: Deployment\n      jsonPointers: [/spec/template/spec/containers/name=web/image]\n',
    );
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/^- +image: proxy:1\.0$/m);
    expect(other.stdout).toMatch(/^\+ +image: proxy:2\.0$/m);
  });

  it('takes the server-side mode from the configuration, and --force-conflicts only with it', async () => {
    const args = (...more: string[]) => [
      'diff',
      join(dir, 'desired.yaml'),
      '--current',
      join(dir, 'current.yaml'),
      '--no-consequences',
      ...more,
    ];
    const refused = await runCli(args('--force-conflicts'));
    expect([refused.code, refused.stderr]).toEqual([
      2,
      'kubeplan: --force-conflicts and --field-manager only work with --server-side\n',
    ]);
    expect((await runCli(args('--field-manager', 'ci'))).code).toBe(2);
    expect((await runCli(args('--server-side', '--whole-object'))).code).toBe(2);
    writeFileSync(join(dir, '.kubeplan.yaml'), 'diff:\n  mode: server-side\n  fieldManager: ci\n');
    const fromConfig = await runCli([...args('--force-conflicts'), '--config', join(dir, '.kubeplan.yaml')]);
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout).toMatch(/^\+ +image: proxy:2\.0$/m);
  });

  it('rejects a misspelled key with its position', async () => {
    const r = await diff('diff:\n  ignoreDiferences: []\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.kubeplan.yaml:2:3');
    expect(r.stderr).toContain('ignoreDiferences');
  });
});

describe('node groups of .kubeplan.yaml in check and diff', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    writeFileSync(join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: shop}\n');
    writeFileSync(
      join(dir, '.kubeplan.yaml'),
      'cluster:\n  nodeGroups:\n    - name: small\n      count: 2\n      cpu: lots\n      memory: 8Gi\n',
    );
  });
  afterEach(() => cleanup());

  it('reports a bad node group at its place in the configuration, with or without a current state', async () => {
    const config = join(dir, '.kubeplan.yaml');
    const expected = `${config}:5:12  error    `;
    const checked = await runCli(['check', join(dir, 'app.yaml'), '--config', config]);
    expect(checked.stdout).toContain(expected);
    const diffed = await runCli([
      'check',
      join(dir, 'app.yaml'),
      '--current',
      join(dir, 'app.yaml'),
      '--config',
      config,
    ]);
    expect(diffed.stdout).toContain(expected);
  });
});
