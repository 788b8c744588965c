import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../model/format-bytes.js';

/** Files above this size are reported instead of parsed (`--max-file-size`). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How many leading bytes are inspected for NUL bytes to tell binary files from text. */
const BINARY_SNIFF_BYTES = 8000;

export type SourceText = { ok: true; text: string } | { ok: false; problem: SourceProblem };

export interface SourceProblem {
  ruleId: 'file-unreadable' | 'file-too-large' | 'file-binary' | 'file-encoding';
  message: string;
  line: number;
  column: number;
  /** True when the file could not be read at all (an I/O error: exit code 2). */
  io: boolean;
}

function problem(ruleId: SourceProblem['ruleId'], message: string, io = false, line = 1, column = 1): SourceText {
  return { ok: false, problem: { ruleId, message, line, column, io } };
}

function ioMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'cannot read file: no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read file: permission denied';
    case 'EISDIR':
      return 'cannot read file: it is a directory';
    case 'ELOOP':
      return 'cannot read file: too many levels of symbolic links';
    default:
      return `cannot read file: ${e.code ?? ''} ${e.message ?? String(error)}`.replace(/\s+/g, ' ').trim();
  }
}

/**
 * Turns bytes into text the way people expect manifests to be read: a UTF-8 byte-order mark is
 * dropped, UTF-16 with a byte-order mark is decoded, NUL bytes mean "binary", and bytes that are
 * not UTF-8 are reported at the line where they occur.
 */
export function decodeSource(bytes: Uint8Array): SourceText {
  // UTF-32's mark starts like UTF-16's, so it is told apart first: kubectl's reader knows UTF-8
  // and UTF-16 only, and would refuse the file.
  const utf32le = bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0;
  const utf32be = bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
  if (utf32le || utf32be)
    return problem('file-encoding', 'file is UTF-32 (byte-order mark), which kubectl cannot read; save it as UTF-8');
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { ok: true, text: new TextDecoder(encoding).decode(bytes) };
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) {
    return problem('file-binary', 'binary file (contains NUL bytes); not a YAML or JSON manifest');
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return problem(
      'file-encoding',
      `file is not valid UTF-8 (invalid byte 0x${bytes[offset]!.toString(16).padStart(2, '0')})`,
      false,
      line,
      offset - lineStart + 1,
    );
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** The problem of a file (or of `what` else) above the size bound (`--max-file-size`), or undefined. */
export function tooLarge(size: number, maxBytes: number, what = 'file'): SourceText | undefined {
  if (size <= maxBytes) return undefined;
  return problem(
    'file-too-large',
    `${what} is ${formatBytes(size)}, above the ${formatBytes(maxBytes)} limit; not checked (raise it with --max-file-size)`,
  );
}

/** Reads a regular file with a size bound; never throws. */
export async function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<SourceText> {
  try {
    // stat before open: opening a named pipe for reading would block until a writer appears.
    const info = await stat(path);
    if (info.isDirectory()) return problem('file-unreadable', ioMessage({ code: 'EISDIR' }), true);
    if (!info.isFile())
      return problem('file-unreadable', 'cannot read file: not a regular file (a device, socket or pipe)', true);
    return tooLarge(info.size, maxBytes) ?? decodeSource(await readFile(path));
  } catch (error) {
    return problem('file-unreadable', ioMessage(error), true);
  }
}
