import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from '../../src/commands/diff.js';
import { loadInputs, runFilter } from '../../src/load/inputs.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { loadAtRevision } from '../../src/load/load-revision.js';
import { tempDir } from '../helpers/temp-dir.js';

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: app\ndata:\n  a: "1"\n`;

describe('a git revision is walked exactly as the files on disk', () => {
  const { dir, cleanup } = tempDir('kubeplan-gitwalk-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=kubeplan', '-c', 'user.email=kubeplan@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  const files = [
    'deploy/a.yaml',
    'deploy/b.yaml',
    'deploy/b/x.yaml',
    'deploy/charts/c.yaml',
    'deploy/.hidden/h.yaml',
    'deploy/.dot.yaml',
    'deploy/kustomization.yaml',
    'deploy/z/y.yaml',
    'deploy/z/notes.txt',
  ];

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    for (const file of files) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      const name = file.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      writeFileSync(join(dir, file), file.endsWith('kustomization.yaml') ? 'resources: [a.yaml]\n' : configMap(name));
    }
    // A link to a directory is followed on disk and in the commit alike.
    symlinkSync('z', join(dir, 'deploy/alias'));
    git('add', '.');
    git('commit', '-q', '-m', 'release 1');
  });
  afterAll(cleanup);

  const onDisk = async (exclude: string[]): Promise<string[]> => {
    const filter = runFilter({ exclude, cwd: dir });
    const loaded = await loadManifests([join(dir, 'deploy')], { filter });
    expect(loaded.findings).toEqual([]);
    return loaded.manifests.map((m) => m.source.file.slice(dir.length + 1));
  };
  const atRevision = async (exclude: string[]): Promise<string[]> => {
    const loaded = await loadAtRevision('main', ['deploy'], { cwd: dir, filter: runFilter({ exclude, cwd: dir }) });
    expect(loaded.findings).toEqual([]);
    return loaded.manifests.map((m) => m.source.file.replace(/^main:/, ''));
  };

  it('skips hidden entries and kustomization.yaml, follows links and sorts each directory by name', async () => {
    // deploy/alias links to deploy/z: its file is read once, named where it is.
    const expected = ['deploy/a.yaml', 'deploy/b/x.yaml', 'deploy/b.yaml', 'deploy/charts/c.yaml', 'deploy/z/y.yaml'];
    expect(await onDisk([])).toEqual(expected);
    expect(await atRevision([])).toEqual(expected);
  });

  it('prunes an excluded directory and honours negations and anchors, as on disk', async () => {
    for (const exclude of [['charts'], ['charts/'], ['/deploy/b', '*.yaml', '!a.yaml'], ['deploy/z/**', 'b']]) {
      expect(await atRevision(exclude)).toEqual(await onDisk(exclude));
    }
    expect(await atRevision(['charts'])).toEqual([
      'deploy/a.yaml',
      'deploy/b/x.yaml',
      'deploy/b.yaml',
      'deploy/z/y.yaml',
    ]);
  });

  it('diffs against the revision without the excluded directory: nothing there is deleted or created', async () => {
    writeFileSync(join(dir, 'deploy/charts/c.yaml'), configMap('changed'));
    const result = await diff([join(dir, 'deploy')], {
      current: ['git:main'],
      cwd: dir,
      exclude: ['charts', 'alias'],
      prune: true,
      consequences: false,
    });
    expect(result.findings).toEqual([]);
    expect(result.changes.map((c) => `${c.action} ${c.ref.name}`)).toEqual([
      'unchanged deploy-a-yaml',
      'unchanged deploy-b-x-yaml',
      'unchanged deploy-b-yaml',
      'unchanged deploy-z-y-yaml',
    ]);
    expect(result.summary.files).toBe(8);
  });

  it('applies the configuration’s ignorePaths to the revision, relative to the configuration’s folder', async () => {
    const config = { file: join(dir, 'deploy', '.kubeplan.yaml'), ignorePaths: ['/b', 'charts/'] };
    const loaded = await loadInputs([join(dir, 'deploy')], { config, current: ['git:main'], cwd: dir });
    expect(loaded.current!.manifests.map((m) => m.source.file)).toEqual([
      'main:deploy/a.yaml',
      'main:deploy/b.yaml',
      'main:deploy/z/y.yaml',
    ]);
    expect(loaded.desired.manifests.map((m) => m.source.file.slice(dir.length + 1))).toEqual([
      'deploy/a.yaml',
      'deploy/b.yaml',
      'deploy/z/y.yaml',
    ]);
  });
});
