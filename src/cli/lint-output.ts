import type { LintResult } from '../commands/lint.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';

/** The lint report in the chosen format. */
export function formatLintResult(result: LintResult, format: 'text' | 'json', color: boolean): string {
  return format === 'json' ? formatJson(result) : formatText(result, { color });
}
