import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/commands/lint.js';
import { loadManifests } from '../../src/load/load-manifests.js';
import { readSource } from '../../src/load/read-source.js';
import { tempDir } from '../helpers/temp-dir.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n`;

describe('each real file is read once, and links do not lead outside the inputs', () => {
  const { dir, cleanup } = tempDir('kubeplan-links-');
  const app = join(dir, 'app');
  beforeAll(() => {
    mkdirSync(join(app, 'base'), { recursive: true });
    mkdirSync(join(dir, 'outside', 'more'), { recursive: true });
    writeFileSync(join(app, 'v.yaml'), configMap('v'));
    writeFileSync(join(app, 'base', 'w.yaml'), configMap('w'));
    writeFileSync(join(dir, 'outside', 'creds.env'), 'password=hunter2\n');
    writeFileSync(join(dir, 'outside', 'more', 'x.yaml'), configMap('x'));
    // Links inside the input: to a file and to a directory that are read anyway.
    symlinkSync('../v.yaml', join(app, 'base', 'again.yaml'));
    symlinkSync('base', join(app, 'alias'));
    // Links out of it: to a file and to a directory.
    symlinkSync('../outside/creds.env', join(app, 'app.yaml'));
    symlinkSync('../outside/more', join(app, 'more'));
  });
  afterAll(cleanup);

  it('reads a file named twice once, without a false duplicate-object', async () => {
    const result = await lint([join(app, 'v.yaml'), `${app}/./v.yaml`, join(app, 'base', '..', 'v.yaml')]);
    expect(result.findings).toEqual([]);
    expect(result.summary.files).toBe(1);
    expect(result.manifests.map((m) => m.source.file)).toEqual([join(app, 'v.yaml')]);
  });

  it('reads a file reached through links once, named where it is, and skips links out of the inputs', async () => {
    const reads: string[] = [];
    const result = await lint([app], {
      readFile: (path, max) => {
        reads.push(path);
        return readSource(path, max);
      },
    });
    expect(result.manifests.map((m) => m.source.file)).toEqual([join(app, 'base', 'w.yaml'), join(app, 'v.yaml')]);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column, f.message])).toEqual([
      [
        'link-outside-inputs',
        'warning',
        join(app, 'app.yaml'),
        1,
        1,
        'symbolic link to a path outside the inputs; not read',
      ],
      [
        'link-outside-inputs',
        'warning',
        join(app, 'more'),
        1,
        1,
        'symbolic link to a path outside the inputs; not read',
      ],
    ]);
    expect(reads).toEqual([join(app, 'base', 'w.yaml'), join(app, 'v.yaml')]);
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(result.summary.ioErrors).toBe(0);
  });

  it('follows a link given as an input, and links within any of the inputs', async () => {
    const named = await loadManifests([join(app, 'more')]);
    expect(named.manifests.map((m) => m.source.file)).toEqual([join(app, 'more', 'x.yaml')]);
    const both = await loadManifests([app, join(dir, 'outside', 'more')]);
    expect(both.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([`link-outside-inputs ${join(app, 'app.yaml')}`]);
    expect(both.manifests.map((m) => m.ref.name)).toEqual(['w', 'v', 'x']);
  });
});
