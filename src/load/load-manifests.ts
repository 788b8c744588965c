import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { diskTree, type FileReader, STDIN_NAME } from './disk-tree.js';
import { createPathFilter, NO_FILTER, type PathFilter } from './path-filter.js';
import { type ParsedFile, parseManifests } from './parse-manifests.js';
import type { KnownDocuments } from './fast-parse.js';
import { fileFailure } from '../validate/internal-error.js';
import { DEFAULT_MAX_FILE_BYTES } from './read-source.js';
import type { SourceTree } from './source-tree.js';
import { walkTree } from './walk-tree.js';

export { STDIN_NAME };

export interface LoadOptions {
  /**
   * Paths to skip, as `.gitignore` lines relative to the working directory (`--exclude`); see
   * path-filter.ts. `filter`, when given, is used instead.
   */
  exclude?: readonly string[];
  /** The resolved exclusion rule of a run (the configuration's `ignorePaths` and `--exclude`; see loadInputs). */
  filter?: PathFilter;
  maxFileBytes?: number;
  /** Reads standard input for the `-` path; tests pass their own. */
  readStdin?: () => Promise<Uint8Array>;
  /** Reads one file from disk; tests pass their own (to count reads). */
  readFile?: FileReader;
  /** The documents the run has read already (fast-parse.ts): a document met again is copied, not parsed. */
  known?: KnownDocuments;
}

export interface LoadResult {
  manifests: Manifest[];
  findings: Finding[];
  files: number;
  documents: number;
  /** Inputs that could not be read at all; any makes the run exit with code 2. */
  ioErrors: number;
}

/** Files are read a few at a time; parsing is synchronous and happens in input order. */
const READ_AHEAD = 16;

export const emptyLoad = (): LoadResult => ({ manifests: [], findings: [], files: 0, documents: 0, ioErrors: 0 });

/** The filter of `options`: the resolved one, else `exclude` relative to `cwd` (default: the working directory). */
export function filterOf(options: Pick<LoadOptions, 'exclude' | 'filter'>, cwd: string = process.cwd()): PathFilter {
  if (options.filter) return options.filter;
  return options.exclude?.length ? createPathFilter([{ base: cwd, patterns: options.exclude }]) : NO_FILTER;
}

/**
 * Walks the inputs in a tree (walkTree), then reads, decodes and parses each file found. Problems
 * with one input become findings and the rest is still loaded, in a deterministic order.
 */
export async function loadTree(
  tree: SourceTree,
  inputs: readonly string[],
  filter: PathFilter,
  maxBytes: number = DEFAULT_MAX_FILE_BYTES,
  known?: KnownDocuments,
): Promise<LoadResult> {
  const { files, problems } = await walkTree(tree, inputs, filter);
  const result: LoadResult = { ...emptyLoad(), files: files.length };
  for (const p of problems) {
    result.findings.push({
      ruleId: p.ruleId,
      severity: p.io ? 'error' : 'warning',
      message: p.message,
      file: p.path,
      line: 1,
      column: 1,
      pointer: '',
      phase: 'parse',
    });
    if (p.io) result.ioErrors++;
  }

  const read = tree.reader(files, maxBytes);
  const pending = files.slice(0, READ_AHEAD).map((_, i) => read(i));
  for (let i = 0; i < files.length; i++) {
    if (i + READ_AHEAD < files.length) pending.push(read(i + READ_AHEAD));
    const source = await pending[i]!;
    const name = tree.display(files[i]!);
    if (!source.ok) {
      const { ruleId, message, line, column, io } = source.problem;
      result.findings.push({
        ruleId,
        severity: 'error',
        message,
        file: name,
        line,
        column,
        pointer: '',
        phase: 'parse',
      });
      if (io) result.ioErrors++;
      continue;
    }
    let parsed: ParsedFile;
    try {
      parsed = parseManifests(name, source.text, known);
    } catch (error) {
      // A failure of kubeplan's own reading costs this file, not the files around it.
      result.findings.push(fileFailure(name, error));
      continue;
    }
    // Loops, not push(...items): a spread passes every item as an argument, and a file of
    // hundreds of thousands of documents overflows the call stack.
    for (const m of parsed.manifests) result.manifests.push(m);
    for (const f of parsed.findings) result.findings.push(f);
    result.documents += parsed.documents;
  }
  return result;
}

/** Loads every manifest from files, directories and standard input (`-`) on disk. */
export function loadManifests(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const tree = diskTree({
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  return loadTree(tree, inputs, filterOf(options), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, options.known);
}
