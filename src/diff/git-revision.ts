import { execFile, spawn } from 'node:child_process';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding } from '../model/finding.js';
import { displayPath, excludeMatcher, MANIFEST_EXTENSIONS, STDIN_PATH } from '../load/collect-files.js';
import type { LoadResult } from '../load/load-manifests.js';
import { parseManifests } from '../load/parse-manifests.js';
import { DEFAULT_MAX_FILE_BYTES, decodeSource, formatBytes } from '../load/read-source.js';

/** A `--current` source that cannot be read at all (no repository, unknown revision): a usage error. */
export class CurrentSourceError extends Error {}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) fail(new Error((stderr || error.message).trim().split('\n')[0]));
      else done(stdout);
    });
  });
}

/** `a/b` with `/` on every platform, as paths are shown. */
export interface RevisionOptions {
  cwd?: string;
  exclude?: readonly string[];
  maxFileBytes?: number;
}

/**
 * Loads the manifests that `paths` (the desired side's inputs) held at a git revision of the
 * repository they are in, without touching the working tree or the index: the files are listed
 * with `git ls-tree` and read with `git cat-file --batch`. A directory is walked for the same
 * extensions as on disk; a path that did not exist at that revision contributes nothing (all its
 * objects are new). Findings name files as `<revision>:<path from the repository root>`.
 */
export async function loadAtRevision(
  revision: string,
  paths: readonly string[],
  options: RevisionOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (error) {
    throw new CurrentSourceError(
      `--current git:${revision}: ${cwd} is not in a git repository (${(error as Error).message})`,
    );
  }
  let commit: string;
  try {
    commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root)).trim();
  } catch {
    throw new CurrentSourceError(`--current git:${revision}: unknown revision "${revision}" in ${root}`);
  }
  const files = new Set<string>();
  for (const path of paths.length ? paths : ['.']) {
    if (path === STDIN_PATH)
      throw new CurrentSourceError(
        '--current git:<revision> reads the same paths at that revision; standard input has none',
      );
    const inRepo = displayPath(relative(root, resolve(cwd, path)));
    if (inRepo.startsWith('..') || isAbsolute(inRepo))
      throw new CurrentSourceError(`--current git:${revision}: ${path} is outside the repository ${root}`);
    const listed = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', inRepo || '.'], root))
      .split('\0')
      .filter(Boolean);
    for (const file of listed) {
      // A file named explicitly is read whatever its extension; a directory's only as manifests.
      if (file === inRepo || MANIFEST_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))) files.add(file);
    }
  }
  const excluded = excludeMatcher(options.exclude ?? [], cwd);
  const wanted = [...files].filter((file) => !excluded(resolve(root, file))).sort();
  return parseBlobs(revision, commit, root, wanted, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}

/** Reads every file at the revision through one `git cat-file --batch` and parses it. */
async function parseBlobs(
  revision: string,
  commit: string,
  root: string,
  files: readonly string[],
  maxBytes: number,
): Promise<LoadResult> {
  const result: LoadResult = { manifests: [], findings: [], files: files.length, documents: 0, ioErrors: 0 };
  const blobs = await catFiles(
    root,
    files.map((f) => `${commit}:${f}`),
  );
  for (const [i, file] of files.entries()) {
    const name = `${revision}:${file}`;
    const blob = blobs[i];
    const fail = (ruleId: string, message: string, io: boolean): void => {
      result.findings.push({
        ruleId,
        severity: 'error',
        message,
        file: name,
        line: 1,
        column: 1,
        pointer: '',
        phase: 'parse',
      } satisfies Finding);
      if (io) result.ioErrors++;
    };
    if (!blob) {
      fail('file-unreadable', 'cannot read file: not found at this revision', true);
      continue;
    }
    if (blob.length > maxBytes) {
      fail(
        'file-too-large',
        `file is ${formatBytes(blob.length)}, above the ${formatBytes(maxBytes)} limit; not checked (raise it with --max-file-size)`,
        false,
      );
      continue;
    }
    const source = decodeSource(blob);
    if (!source.ok) {
      result.findings.push({
        ruleId: source.problem.ruleId,
        severity: 'error',
        message: source.problem.message,
        file: name,
        line: source.problem.line,
        column: source.problem.column,
        pointer: '',
        phase: 'parse',
      });
      continue;
    }
    const parsed = parseManifests(name, source.text);
    result.manifests.push(...parsed.manifests);
    result.findings.push(...parsed.findings);
    result.documents += parsed.documents;
  }
  return result;
}

/** The contents of each object (`<revision>:<path>`), or undefined for one git does not have. */
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
