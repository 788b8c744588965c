import { findingAt, type Finding, type Phase } from '../model/finding.js';
import type { Manifest } from '../model/manifest.js';

/**
 * The first line of an exception, shortened. The message of an exception kubeplan did not
 * expect comes from the JavaScript engine or a library, and names a function or a property
 * rather than a value; it is cut short all the same, so that a message that did quote a value
 * could not carry much of it.
 */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  const line = text.split('\n')[0]!;
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

/**
 * One `internal-error` finding for an exception in the checks of one object: the object's other
 * checks may be lost, but every other object and file is still checked and reported. Positioning
 * the finding may itself fail (the source map is part of what failed): it then falls back to the
 * start of the file.
 */
export function objectFailure(manifest: Manifest, phase: Phase, what: string, error: unknown): Finding {
  const message = `kubeplan failed to ${what} this object (${errorSummary(error)}); the rest of the input was still checked; please report this`;
  const init = { ruleId: 'internal-error', severity: 'error' as const, message, pointer: '', phase };
  try {
    return findingAt(manifest, init);
  } catch {
    return { ...init, file: manifest.source.file, line: 1, column: 1, object: manifest.ref };
  }
}

/** One `internal-error` finding for an exception while reading a file: the other files are still read. */
export function fileFailure(file: string, error: unknown): Finding {
  return {
    ruleId: 'internal-error',
    severity: 'error',
    message: `kubeplan failed to read this file (${errorSummary(error)}); the other files were still checked; please report this`,
    file,
    line: 1,
    column: 1,
    pointer: '',
    phase: 'parse',
  };
}
