import { execFile, spawn } from 'node:child_process';
import { posix, resolve } from 'node:path';
import { CurrentSourceError } from './current-source-error.js';
import { decodeSource, type SourceText, tooLarge } from './read-source.js';
import type { PathKind, SourceTree, TreeEntry } from './source-tree.js';

export function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) fail(new Error((stderr || error.message).trim().split('\n')[0]));
      else done(stdout);
    });
  });
}

interface GitEntry {
  kind: PathKind;
  /** The blob of a file or of a link (whose content is the link's target). */
  object?: string;
  link: boolean;
}

/** How many links are followed before giving up, as the kernel's ELOOP. */
const MAX_LINKS = 40;

/**
 * The files of one commit, listed once with `git ls-tree -r` and read with one `git cat-file
 * --batch`, without touching the working tree or the index. Paths are relative to the
 * repository's root (`''` is the root). Symbolic links are followed inside the commit; one that
 * leads outside it is dangling, as it would be in a fresh checkout elsewhere.
 */
export async function gitTree(root: string, revision: string, commit: string): Promise<SourceTree> {
  const entries = new Map<string, GitEntry>([['', { kind: 'directory', link: false }]]);
  const children = new Map<string, TreeEntry[]>([['', []]]);
  const addDirectory = (dir: string): void => {
    if (entries.has(dir)) return;
    const parent = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
    addDirectory(parent);
    entries.set(dir, { kind: 'directory', link: false });
    children.set(dir, []);
    children.get(parent)!.push({ name: posix.basename(dir), link: false, kind: 'directory' });
  };
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit], root);
  for (const line of listing.split('\0')) {
    const match = /^(\d+) (\w+) (\S+)\t(.+)$/s.exec(line);
    if (!match) continue;
    const [, mode, type, object, path] = match as unknown as [string, string, string, string, string];
    const link = mode === '120000';
    // A submodule (a commit) has no files of this repository.
    const kind: PathKind = type !== 'blob' ? 'other' : link ? 'other' : 'file';
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    addDirectory(dir);
    entries.set(path, { kind, object, link });
    children.get(dir)!.push({ name: posix.basename(path), link, kind });
  }

  const blobs = new Map<string, Promise<Buffer | undefined>>();
  const links = await catFiles(
    root,
    [...entries.values()].filter((e) => e.link).map((e) => e.object!),
  );
  const linkTargets = new Map<string, string>();
  let i = 0;
  for (const [path, entry] of entries) if (entry.link) linkTargets.set(path, links[i++]?.toString('utf8') ?? '');

  /** The path a chain of links ends at, or undefined when it leaves the commit, loops or ends nowhere. */
  const follow = (path: string): string | undefined => {
    let at = path;
    for (let hops = 0; hops <= MAX_LINKS; hops++) {
      const parts = at === '' ? [] : at.split('/');
      // The first link on the way: a directory of the path, or the path itself.
      const k = linkTargets.size ? parts.findIndex((_, j) => linkTargets.has(parts.slice(0, j + 1).join('/'))) : -1;
      if (k < 0) return entries.has(at) ? at : undefined;
      const link = parts.slice(0, k + 1).join('/');
      const target = linkTargets.get(link)!;
      if (posix.isAbsolute(target)) return undefined;
      const next = posix.normalize(posix.join(posix.dirname(link), target, ...parts.slice(k + 1)));
      if (next === '..' || next.startsWith('../')) return undefined;
      at = next === '.' ? '' : next.replace(/\/$/, '');
    }
    return undefined;
  };

  return {
    missingInput: 'skip',
    async list(dir) {
      const real = follow(dir);
      return (real !== undefined && children.get(real)?.slice()) || { error: 'ENOENT' };
    },
    async resolve(path) {
      const real = follow(path);
      return real === undefined ? 'missing' : (entries.get(real)?.kind ?? 'missing');
    },
    async realpath(dir) {
      return follow(dir) ?? { error: 'ENOENT' };
    },
    join: (dir, name) => (dir ? `${dir}/${name}` : name),
    absolute: (path) => resolve(root, path),
    display: (path) => `${revision}:${path}`,
    reader(files, maxBytes) {
      const objects = files.map((f) => {
        const real = follow(f);
        return real === undefined ? undefined : entries.get(real)?.object;
      });
      const wanted = objects.filter((o): o is string => o !== undefined && !blobs.has(o));
      const batch = catFiles(root, wanted);
      for (const [k, o] of wanted.entries())
        blobs.set(
          o,
          batch.then((b) => b[k]),
        );
      return async (index): Promise<SourceText> => {
        const object = objects[index];
        const blob = object === undefined ? undefined : await blobs.get(object);
        if (!blob)
          return {
            ok: false,
            problem: {
              ruleId: 'file-unreadable',
              message: 'cannot read file: not found at this revision',
              line: 1,
              column: 1,
              io: true,
            },
          };
        return tooLarge(blob.length, maxBytes) ?? decodeSource(blob);
      };
    },
  };
}

/** The contents of each object (a blob id), or undefined for one git does not have. */
function catFiles(cwd: string, objects: readonly string[]): Promise<Array<Buffer | undefined>> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((done, fail) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new CurrentSourceError(`git cat-file exited with code ${code}`));
      const out = Buffer.concat(chunks);
      const blobs: Array<Buffer | undefined> = [];
      let offset = 0;
      for (let i = 0; i < objects.length; i++) {
        const end = out.indexOf(0x0a, offset);
        const header = out.subarray(offset, end).toString('utf8');
        offset = end + 1;
        const match = /^\S+ (\w+) (\d+)$/.exec(header);
        if (!match) {
          blobs.push(undefined);
          continue;
        }
        const size = Number(match[2]);
        blobs.push(match[1] === 'blob' ? out.subarray(offset, offset + size) : undefined);
        offset += size + 1;
      }
      done(blobs);
    });
    child.stdin.end(objects.map((o) => `${o}\n`).join(''));
  });
}
