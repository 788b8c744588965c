import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadInputs, runFilter } from '../../src/load/inputs.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { createPathFilter } from '../../src/load/path-filter.js';
import { readSource } from '../../src/load/read-source.js';
import { tempDir } from '../helpers/temp-dir.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/** Writes each file (a ConfigMap named after it) under `dir`. */
function tree(dir: string, files: readonly string[]): void {
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), configMap(file.replace(/[^a-z0-9]+/g, '-')));
  }
}

describe('the exclusion rule (.gitignore semantics)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    tree(dir, [
      'apps/web.yaml',
      'apps/web.generated.yaml',
      'apps/keep.generated.yaml',
      'charts/a.yaml',
      'charts/keep.yaml',
      'lib/charts',
      'lib/charts.yaml',
    ]);
  });
  afterEach(() => cleanup());

  /** The files read under `dir` with these globs relative to it. */
  const read = async (patterns: string[]): Promise<string[]> => {
    const loaded = await loadManifests([dir], { filter: createPathFilter([{ base: dir, patterns }]) });
    return [...new Set(loaded.manifests.map((m) => m.source.file.slice(dir.length + 1)))];
  };

  it('brings back with !glob what an earlier glob skipped', async () => {
    expect(await read(['*.generated.yaml', '!keep.generated.yaml'])).toEqual([
      'apps/keep.generated.yaml',
      'apps/web.yaml',
      'charts/a.yaml',
      'charts/keep.yaml',
      'lib/charts.yaml',
    ]);
  });

  it('matches directories only with a trailing slash', async () => {
    // `lib/charts` is a file (named explicitly it would be read; a walk reads only manifest extensions).
    writeFileSync(join(dir, 'lib/charts'), configMap('x'));
    tree(dir, ['lib/charts.d/b.yaml']);
    expect(await read(['charts/'])).toEqual([
      'apps/keep.generated.yaml',
      'apps/web.generated.yaml',
      'apps/web.yaml',
      'lib/charts.d/b.yaml',
      'lib/charts.yaml',
    ]);
    const file = createPathFilter([{ base: dir, patterns: ['charts.yaml/'] }]);
    expect(file.excludes(join(dir, 'lib/charts.yaml'), false, dir)).toBe(false);
    expect(file.excludes(join(dir, 'lib/charts.yaml'), true, dir)).toBe(true);
  });

  it('does not walk into an excluded directory, so a negation cannot bring back a file inside it', async () => {
    const reads: string[] = [];
    const loaded = await loadManifests([dir], {
      filter: createPathFilter([{ base: dir, patterns: ['charts', '!charts/keep.yaml'] }]),
      readFile: (path, max) => {
        reads.push(path.slice(dir.length + 1));
        return readSource(path, max);
      },
    });
    expect(reads).toEqual(['apps/keep.generated.yaml', 'apps/web.generated.yaml', 'apps/web.yaml', 'lib/charts.yaml']);
    expect(loaded.files).toBe(4);
  });

  it('anchors a glob with a slash at its folder; one without matches a name anywhere', async () => {
    expect(await read(['/charts', 'web.yaml'])).toEqual([
      'apps/keep.generated.yaml',
      'apps/web.generated.yaml',
      'lib/charts.yaml',
    ]);
    expect(await read(['apps/*.yaml', 'lib/**'])).toEqual(['charts/a.yaml', 'charts/keep.yaml']);
    // `keep.yaml` names a file anywhere, `/keep.yaml` only one in `dir` itself (there is none).
    expect(await read(['keep.yaml'])).not.toContain('charts/keep.yaml');
    expect(await read(['/keep.yaml'])).toContain('charts/keep.yaml');
  });

  it('makes ignorePaths relative to the configuration folder and --exclude to the working directory; the command line wins', async () => {
    const config = { file: join(dir, 'apps', '.kubeplan.yaml'), ignorePaths: ['/web.yaml', '*.generated.yaml'] };
    const loaded = async (exclude: string[]) =>
      (await loadInputs([dir], { config, exclude, cwd: dir })).desired.manifests.map((m) =>
        m.source.file.slice(dir.length + 1),
      );
    // `/web.yaml` is apps/web.yaml: the configuration lives in apps/.
    expect(await loaded([])).toEqual(['charts/a.yaml', 'charts/keep.yaml', 'lib/charts.yaml']);
    // `/charts` is the working directory's; `!keep.generated.yaml` overrides the configuration.
    expect(await loaded(['/charts', '!keep.generated.yaml'])).toEqual(['apps/keep.generated.yaml', 'lib/charts.yaml']);
  });

  it('matches the globs that match anywhere below an input outside their folder', () => {
    const filter = runFilter({ exclude: ['vendor', 'charts/**'], cwd: join(dir, 'apps') });
    expect(filter.excludes(join(dir, 'lib/vendor'), true, join(dir, 'lib'))).toBe(true);
    // Anchored globs are about the working directory only.
    expect(filter.excludes(join(dir, 'charts/a.yaml'), false, dir)).toBe(false);
    // A name above the input does not count.
    expect(filter.excludes(join(dir, 'lib/vendor/x.yaml'), false, join(dir, 'lib/vendor'))).toBe(false);
  });
});
