import type { Finding } from '../../src/model/finding.js';

/** `file:line:column severity ruleId message`: one comparable line per finding. */
export function brief(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

/** The same without the file, for tests about a single file. */
export function briefAt(f: Finding): string {
  return `${f.line}:${f.column} ${f.ruleId} ${f.message}`;
}

/** Findings of loading and schema validation only: tests of those stages ignore the rules. */
export function notRule(f: Finding): boolean {
  return f.phase !== 'rule';
}
