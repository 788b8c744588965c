import type { Finding } from './finding.js';
import { meetsFailLevel, type FailOn } from './severity.js';

export interface Summary {
  files: number;
  documents: number;
  objects: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Inputs that could not be read at all. */
  ioErrors: number;
  /** Findings a `kubeplan.io/ignore` annotation suppressed (lint only; absent means none). */
  suppressed?: number;
}

export function countBySeverity(findings: readonly Finding[]): Pick<Summary, 'errors' | 'warnings' | 'infos'> {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Documented exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or I/O error. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function exitCodeFor(findings: readonly Finding[], ioErrors: number, failOn: FailOn): number {
  if (ioErrors > 0) return EXIT_ERROR;
  return findings.some((f) => meetsFailLevel(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
}
