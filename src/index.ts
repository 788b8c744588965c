/**
 * kubeplan's library API. The CLI, the GitHub Action and the pre-commit hook only call these.
 */
export { lint, type LintOptions, type LintResult } from './commands/lint.js';
export type { Finding, Phase } from './model/finding.js';
export type { Manifest, KubeObject } from './model/manifest.js';
export type { ObjectRef } from './model/object-ref.js';
export type { Severity, FailOn } from './model/severity.js';
export { exitCodeFor, EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, type Summary } from './model/summary.js';
export { formatText, type TextOptions } from './report/text.js';
export { formatJson } from './report/json.js';
