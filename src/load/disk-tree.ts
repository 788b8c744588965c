import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { decodeSource, readSource, type SourceText, tooLarge } from './read-source.js';
import type { PathKind, SourceTree, TreeEntry } from './source-tree.js';

export const STDIN_PATH = '-';
export const STDIN_NAME = '<stdin>';

/** Paths in findings use `/` on every platform so output is the same everywhere. */
export function displayPath(path: string): string {
  return path.split(sep).join('/');
}

/** Reads one file (`readSource`); tests pass their own to count reads. */
export type FileReader = (path: string, maxBytes: number) => Promise<SourceText>;

export interface DiskTreeOptions {
  /** Reads standard input for `-`. */
  readStdin?: () => Promise<Uint8Array>;
  readFile?: FileReader;
}

/** The whole of the process's standard input. */
export async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function kindOf(entry: Dirent | { isDirectory(): boolean; isFile(): boolean }): PathKind {
  return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

/** The files of the working tree, paths as given (relative to the process's directory) and `-` for standard input. */
export function diskTree(options: DiskTreeOptions = {}): SourceTree {
  const readFile = options.readFile ?? readSource;
  // Standard input is bounded like a file: a generated stream can be as large as any dump.
  const readStdin = (maxBytes: number): Promise<SourceText> =>
    (options.readStdin ?? readProcessStdin)().then(
      (bytes) => tooLarge(bytes.length, maxBytes, 'standard input') ?? decodeSource(bytes),
      (e: Error) => ({
        ok: false as const,
        problem: {
          ruleId: 'file-unreadable' as const,
          message: `cannot read standard input: ${e.message}`,
          line: 1,
          column: 1,
          io: true,
        },
      }),
    );
  return {
    missingInput: 'read',
    async list(dir) {
      try {
        const entries = await readdir(dir, { withFileTypes: true });
        return entries.map(
          (e): TreeEntry => ({
            name: e.name,
            link: e.isSymbolicLink(),
            kind: e.isSymbolicLink() ? 'other' : kindOf(e),
          }),
        );
      } catch (error) {
        return { error: errorCode(error) };
      }
    },
    async resolve(path) {
      if (path === STDIN_PATH) return 'file';
      try {
        return kindOf(await stat(path));
      } catch {
        return 'missing';
      }
    },
    async realpath(dir) {
      try {
        // Relative to the working directory, as the path is shown when a link loops back to it.
        return relative(process.cwd(), await realpath(dir)) || '.';
      } catch (error) {
        return { error: errorCode(error) };
      }
    },
    join,
    absolute: (path) => resolve(path),
    display: (path) => (path === STDIN_PATH ? STDIN_NAME : displayPath(path)),
    reader(files, maxBytes) {
      return (i) => (files[i] === STDIN_PATH ? readStdin(maxBytes) : readFile(files[i]!, maxBytes));
    },
  };
}
