import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from '../../src/commands/diff.js';
import { CurrentSourceError } from '../../src/load/current-source.js';
import { loadAtRevision } from '../../src/load/load-revision.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

const configMap = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: app\ndata:\n  level: ${value}\n`;

describe('--current git:<revision>', () => {
  const { dir, cleanup } = tempDir('kubeplan-git-');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=kubeplan', '-c', 'user.email=kubeplan@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'config.yaml'), configMap('settings', 'info'));
    writeFileSync(join(dir, 'deploy', 'gone.yaml'), configMap('old', 'x'));
    writeFileSync(join(dir, 'deploy', 'broken.yaml'), 'apiVersion: v1\nkind: [\n');
    writeFileSync(join(dir, 'deploy', 'notes.txt'), 'not a manifest');
    writeFileSync(join(dir, 'README.md'), 'outside the paths');
    git('add', '.');
    git('commit', '-q', '-m', 'release 1');
    // The working tree moves on: one value changes, one file goes, one comes; nothing is committed.
    writeFileSync(join(dir, 'deploy', 'config.yaml'), configMap('settings', 'debug'));
    execFileSync('rm', [join(dir, 'deploy', 'gone.yaml'), join(dir, 'deploy', 'broken.yaml')]);
    writeFileSync(join(dir, 'deploy', 'new.yaml'), configMap('fresh', 'trace'));
  });
  afterAll(cleanup);

  it('reads the same paths at the revision, without touching the working tree or the index', async () => {
    const status = git('status', '--porcelain');
    const result = await diff([join(dir, 'deploy')], {
      current: ['git:HEAD'],
      cwd: dir,
      prune: true,
      consequences: false,
    });
    expect(result.changes.map((c) => `${c.action} ${c.ref.name}`)).toEqual([
      'create fresh',
      'delete old',
      'update settings',
    ]);
    expect(result.changes[2]!.current!.source.file).toBe('HEAD:deploy/config.yaml');
    expect(result.findings.map((f) => `${f.file} ${briefAt(f)}`)).toEqual([
      'HEAD:deploy/broken.yaml 3:1 yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(git('status', '--porcelain')).toBe(status);
  });

  it('lists a directory at the revision like on disk, and applies excludes', async () => {
    const loaded = await loadAtRevision('main', ['deploy'], { cwd: dir, exclude: ['gone.yaml'] });
    expect([...new Set(loaded.manifests.map((m) => m.source.file))]).toEqual(['main:deploy/config.yaml']);
    expect(loaded.files).toBe(2);
    // A glob with a slash matches the whole path, as for the files on disk; an anchored one too.
    const byPath = await loadAtRevision('main', ['deploy'], {
      cwd: dir,
      exclude: ['deploy/gone.yaml', 'deploy/broken.*'],
    });
    expect([...new Set(byPath.manifests.map((m) => m.source.file))]).toEqual(['main:deploy/config.yaml']);
    const anchored = await loadAtRevision('main', ['deploy'], { cwd: dir, exclude: [`${dir}/deploy/g*.yaml`] });
    expect([...new Set(anchored.manifests.map((m) => m.source.file))]).toEqual(['main:deploy/config.yaml']);
  });

  it('finds nothing for a path that did not exist at the revision: all of it is new', async () => {
    const loaded = await loadAtRevision('HEAD', ['deploy/new.yaml'], { cwd: dir });
    expect([loaded.files, loaded.manifests.length, loaded.findings.length]).toEqual([0, 0, 0]);
  });

  it('makes an unknown revision, a path outside the repository or a directory outside git a usage error', async () => {
    await expect(diff([join(dir, 'deploy')], { current: ['git:no-such-branch'], cwd: dir })).rejects.toThrow(
      new CurrentSourceError(`--current git:no-such-branch: unknown revision "no-such-branch" in ${dir}`),
    );
    await expect(loadAtRevision('HEAD', ['/'], { cwd: dir })).rejects.toThrow(
      `--current git:HEAD: / is outside the repository ${dir}`,
    );
    const outside = tempDir('kubeplan-nogit-');
    try {
      await expect(loadAtRevision('HEAD', ['.'], { cwd: outside.dir })).rejects.toThrow(/is not in a git repository/);
    } finally {
      outside.cleanup();
    }
    await expect(diff(['-'], { current: ['git:HEAD'], cwd: dir })).rejects.toThrow(
      '--current git:<revision> reads the same paths at that revision; standard input has none',
    );
    await expect(diff([join(dir, 'deploy')], { current: ['git:HEAD', 'other.yaml'], cwd: dir })).rejects.toThrow(
      '--current git:HEAD cannot be combined with other --current sources',
    );
  });
});
