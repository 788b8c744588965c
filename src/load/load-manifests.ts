import type { Finding } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';
import { collectFiles, STDIN_PATH } from './collect-files.js';
import { parseManifests } from './parse-manifests.js';
import { decodeSource, DEFAULT_MAX_FILE_BYTES, readSource, type SourceText } from './read-source.js';

export interface LoadOptions {
  /** Globs of paths to skip (matched against the path relative to the working directory, or the base name). */
  exclude?: readonly string[];
  maxFileBytes?: number;
  /** Reads standard input for the `-` path; tests pass their own. */
  readStdin?: () => Promise<Uint8Array>;
}

export interface LoadResult {
  manifests: Manifest[];
  findings: Finding[];
  files: number;
  documents: number;
  /** Inputs that could not be read at all; any makes the run exit with code 2. */
  ioErrors: number;
}

export const STDIN_NAME = '<stdin>';

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Files are read a few at a time; parsing is synchronous and happens in input order. */
const READ_AHEAD = 16;

/**
 * Loads every manifest from files, directories and standard input. Problems with one input
 * become findings and the rest is still loaded, in a deterministic order.
 */
export async function loadManifests(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { files, problems } = await collectFiles(inputs, options.exclude);
  const result: LoadResult = { manifests: [], findings: [], files: files.length, documents: 0, ioErrors: 0 };
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

  const read = (file: string): Promise<SourceText> =>
    file === STDIN_PATH
      ? (options.readStdin ?? readAllStdin)().then(decodeSource, (e: Error) => ({
          ok: false as const,
          problem: {
            ruleId: 'file-unreadable' as const,
            message: `cannot read standard input: ${e.message}`,
            line: 1,
            column: 1,
            io: true,
          },
        }))
      : readSource(file, maxBytes);

  const pending = files.slice(0, READ_AHEAD).map(read);
  for (let i = 0; i < files.length; i++) {
    if (i + READ_AHEAD < files.length) pending.push(read(files[i + READ_AHEAD]!));
    const source = await pending[i]!;
    const name = files[i] === STDIN_PATH ? STDIN_NAME : files[i]!;
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
    const parsed = parseManifests(name, source.text);
    result.manifests.push(...parsed.manifests);
    result.findings.push(...parsed.findings);
    result.documents += parsed.documents;
  }
  return result;
}
