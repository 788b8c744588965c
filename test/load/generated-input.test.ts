import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests } from '../../src/load/load-manifests.js';
import { createPathFilter } from '../../src/load/path-filter.js';
import { brief } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';

describe('inputs that cannot be parsed as text', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  const load = async (...names: string[]) => {
    const result = await loadManifests(names.map((n) => join(dir, n)));
    return { ...result, lines: result.findings.map((f) => brief({ ...f, file: f.file.slice(dir.length + 1) })) };
  };

  it('reports a binary file and reads the next one', async () => {
    writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    writeFileSync(join(dir, 'ok.yaml'), CONFIG_MAP);
    const result = await load('image.yaml', 'ok.yaml');
    expect(result.lines).toEqual([
      'image.yaml:1:1 error file-binary binary file (contains NUL bytes); not a YAML or JSON manifest',
    ]);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok']);
    expect(result.ioErrors).toBe(0);
  });

  it('reports a 50 MB file without reading it', async () => {
    const big = join(dir, 'huge.yaml');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    writeFileSync(join(dir, 'ok.yaml'), CONFIG_MAP);
    const result = await load('huge.yaml', 'ok.yaml');
    expect(result.lines).toEqual([
      'huge.yaml:1:1 error file-too-large file is 50.0MiB, above the 10.0MiB limit; not checked (raise it with --max-file-size)',
    ]);
    expect(result.manifests).toHaveLength(1);
  });

  it('reads a large file when the limit is raised', async () => {
    const doc = `${CONFIG_MAP}data:\n  filler: "${'x'.repeat(1000)}"\n---\n`;
    writeFileSync(join(dir, 'big.yaml'), doc.repeat(200));
    const result = await loadManifests([join(dir, 'big.yaml')], { maxFileBytes: 150_000 });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['file-too-large']);
    const raised = await loadManifests([join(dir, 'big.yaml')], { maxFileBytes: 1_000_000 });
    expect(raised.manifests).toHaveLength(200);
  });

  it('reports bytes that are not UTF-8 at their line and column', async () => {
    writeFileSync(
      join(dir, 'latin1.yaml'),
      Buffer.concat([
        Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata:\n  city: M'),
        Buffer.from([0xfc]),
        Buffer.from('nchen\n'),
      ]),
    );
    expect((await load('latin1.yaml')).lines).toEqual([
      'latin1.yaml:4:10 error file-encoding file is not valid UTF-8 (invalid byte 0xfc)',
    ]);
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    writeFileSync(
      join(dir, 'utf16.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONFIG_MAP, 'utf16le')]),
    );
    const result = await load('utf16.yaml');
    expect(result.lines).toEqual([]);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok']);
  });

  it('refuses UTF-32, which kubectl cannot read, instead of reading it as UTF-16', async () => {
    const utf32le = Buffer.alloc(CONFIG_MAP.length * 4);
    for (let i = 0; i < CONFIG_MAP.length; i++) utf32le.writeUInt32LE(CONFIG_MAP.charCodeAt(i), i * 4);
    writeFileSync(join(dir, 'utf32.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32le]));
    writeFileSync(join(dir, 'utf32be.yaml'), Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]));
    writeFileSync(join(dir, 'ok.yaml'), CONFIG_MAP);
    const result = await load('utf32.yaml', 'utf32be.yaml', 'ok.yaml');
    expect(result.lines).toEqual([
      'utf32.yaml:1:1 error file-encoding file is UTF-32 (byte-order mark), which kubectl cannot read; save it as UTF-8',
      'utf32be.yaml:1:1 error file-encoding file is UTF-32 (byte-order mark), which kubectl cannot read; save it as UTF-8',
    ]);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok']);
  });

  it('reports missing paths, directories given as files and pipes as I/O errors, and goes on', async () => {
    writeFileSync(join(dir, 'ok.yaml'), CONFIG_MAP);
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const result = await load('missing.yaml', 'dangling.yaml', 'pipe.yaml', 'ok.yaml');
    expect(result.lines).toEqual([
      'missing.yaml:1:1 error file-unreadable cannot read file: no such file or directory',
      'dangling.yaml:1:1 error file-unreadable cannot read file: no such file or directory',
      'pipe.yaml:1:1 error file-unreadable cannot read file: not a regular file (a device, socket or pipe)',
    ]);
    expect(result.ioErrors).toBe(3);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok']);
  });

  it('follows a directory symlink loop once and reports it', async () => {
    mkdirSync(join(dir, 'app/base'), { recursive: true });
    writeFileSync(join(dir, 'app/base/cm.yaml'), CONFIG_MAP);
    symlinkSync(join(dir, 'app'), join(dir, 'app/base/loop'));
    const result = await load('app');
    expect(result.manifests.map((m) => m.source.file.slice(dir.length + 1))).toEqual(['app/base/cm.yaml']);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.file.slice(dir.length + 1)])).toEqual([
      ['directory-loop', 'warning', 'app/base/loop'],
    ]);
    expect(result.findings[0]!.message).toMatch(
      /^symbolic link loop: .*app\/base\/loop leads back to .*app, which is already being read; not followed$/,
    );
  });

  it('bounds alias expansion instead of hanging', async () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${'abcdefghijklmnop'[i]}: &${'abcdefghijklmnop'[i]} [${Array(10)
          .fill(`*${'abcdefghijklmnop'[i - 1]}`)
          .join(',')}]`,
      );
    writeFileSync(
      join(dir, 'bomb.yaml'),
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n---\n${CONFIG_MAP}`,
    );
    const result = await load('bomb.yaml');
    // At the first alias, where the expansion starts.
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['6:10 yaml-alias-limit']);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok']);
  });

  it('bounds the text one large anchored scalar expands to, and reads the documents around it', async () => {
    // 500,000 characters aliased ten times: ten nodes for go-yaml's count, 5 MB for a printer.
    const big = 'x'.repeat(500_000);
    const aliases = Array.from({ length: 10 }, (_, i) => `  k${i}: *big`).join('\n');
    writeFileSync(
      join(dir, 'amplified.yaml'),
      `${CONFIG_MAP}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: amplified}\ndata:\n  big: &big ${big}\n${aliases}\n---\n${CONFIG_MAP.replace('ok', 'after')}`,
    );
    const result = await load('amplified.yaml');
    expect(result.findings.map(brief)).toEqual([
      `${join(dir, 'amplified.yaml')}:11:7 error yaml-alias-limit too many aliases: document 2 expands to 5,500,089 characters with the file's documents before it, 90% of them from aliases, more than kubectl reads ("excessive aliasing", an "alias bomb"); not checked`,
    ]);
    expect(result.manifests.map((m) => m.ref.name)).toEqual(['ok', 'after']);
  });

  it('reads a document that uses an alias more than a hundred times, as kubectl does', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `  k${i}: *v`).join('\n');
    writeFileSync(
      join(dir, 'many.yaml'),
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many}\ndata:\n  v: &v value\n${aliases}\n`,
    );
    const result = await load('many.yaml');
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.manifests[0]!.object.data as object)).toHaveLength(301);
  });
});

describe('directories and globs', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('walks directories recursively, in name order, picking only manifest extensions', async () => {
    mkdirSync(join(dir, 'b/nested'), { recursive: true });
    mkdirSync(join(dir, 'a'));
    for (const name of [
      'b/nested/z.yml',
      'b/one.yaml',
      'a/two.JSON',
      'a/notes.txt',
      'a/script.sh',
      'b/values.yaml.bak',
    ]) {
      writeFileSync(
        join(dir, name),
        name.endsWith('JSON') ? '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}' : CONFIG_MAP,
      );
    }
    const result = await loadManifests([dir]);
    expect(result.manifests.map((m) => m.source.file.slice(dir.length + 1))).toEqual([
      'a/two.JSON',
      'b/nested/z.yml',
      'b/one.yaml',
    ]);
  });

  it('reads a file named explicitly whatever its extension', async () => {
    writeFileSync(join(dir, 'manifest.txt'), CONFIG_MAP);
    expect((await loadManifests([join(dir, 'manifest.txt')])).manifests).toHaveLength(1);
  });

  it('skips paths matching --exclude globs, by path or by base name', async () => {
    mkdirSync(join(dir, 'charts/templates'), { recursive: true });
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'charts/templates/deploy.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, 'app/cm.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, 'app/extra.yaml'), CONFIG_MAP);
    const relative = (r: Awaited<ReturnType<typeof loadManifests>>) =>
      r.manifests.map((m) => m.source.file.slice(dir.length + 1));
    expect(relative(await loadManifests([dir], { exclude: ['**/charts/**', 'extra.yaml'] }))).toEqual(['app/cm.yaml']);
    expect(relative(await loadManifests([dir], { exclude: ['charts'] }))).toEqual(['app/cm.yaml', 'app/extra.yaml']);
  });

  it('matches a glob with a slash against the whole path relative to its folder, and skips hidden entries', async () => {
    mkdirSync(join(dir, 'app/legacy'), { recursive: true });
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, 'app/legacy/old.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, 'app/new.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, 'app/.hidden.yaml'), CONFIG_MAP);
    writeFileSync(join(dir, '.github/workflows/ci.yaml'), 'on: push\njobs: {}\n');
    const relative = (r: Awaited<ReturnType<typeof loadManifests>>) =>
      r.manifests.map((m) => m.source.file.slice(dir.length + 1));
    const inDir = (patterns: string[]) => ({ filter: createPathFilter([{ base: dir, patterns }]) });
    // Hidden files and folders are not walked into.
    expect(relative(await loadManifests([dir]))).toEqual(['app/legacy/old.yaml', 'app/new.yaml']);
    expect(relative(await loadManifests([dir], inDir(['app/legacy/**'])))).toEqual(['app/new.yaml']);
    expect(relative(await loadManifests([dir], inDir(['app/*.yaml'])))).toEqual(['app/legacy/old.yaml']);
    // Anchored at the folder: `legacy/**` is not `app/legacy/**`.
    expect(relative(await loadManifests([dir], inDir(['legacy/**'])))).toEqual(['app/legacy/old.yaml', 'app/new.yaml']);
    expect((await loadManifests([join(dir, 'app/.hidden.yaml')])).manifests).toHaveLength(1);
  });

  it('skips kustomize configuration, which is not a cluster object', async () => {
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: [cm.yaml]\n');
    writeFileSync(join(dir, 'component.yaml'), 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n');
    writeFileSync(
      join(dir, 'labels.yaml'),
      'apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\nlabels: {env: dev}\nfieldSpecs: [{path: metadata/labels, create: true}]\n',
    );
    writeFileSync(join(dir, 'cm.yaml'), CONFIG_MAP);
    const result = await loadManifests([dir]);
    expect(result.findings).toEqual([]);
    expect(result.manifests.map((m) => m.ref.kind)).toEqual(['ConfigMap']);
  });

  it('reads standard input for -', async () => {
    const result = await loadManifests(['-'], {
      readStdin: async () => Buffer.from(`${CONFIG_MAP}---\n${CONFIG_MAP.replace('ok', 'second')}`),
    });
    expect(result.manifests.map((m) => `${m.source.file}:${m.locate('/metadata/name').line}`)).toEqual([
      '<stdin>:4',
      '<stdin>:9',
    ]);
  });

  it('reads each file once even when named twice', async () => {
    writeFileSync(join(dir, 'cm.yaml'), CONFIG_MAP);
    expect((await loadManifests([dir, join(dir, 'cm.yaml')])).manifests).toHaveLength(1);
  });
});
