import type { LintResult } from '../commands/lint.js';
import { IGNORE_ANNOTATION } from '../lint/suppression.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';

/**
 * The lint report in the chosen format, with the number of suppressed findings: a line after
 * the text summary, and `summary.suppressed` in JSON when annotations suppressed something.
 */
export function formatLintResult(result: LintResult, format: 'text' | 'json', color: boolean): string {
  const suppressed = result.summary.suppressed;
  if (format === 'json') {
    if (suppressed === 0) return formatJson(result);
    const document = JSON.parse(formatJson(result)) as { summary: Record<string, unknown> };
    document.summary.suppressed = suppressed;
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  const text = formatText(result, { color });
  if (suppressed === 0) return text;
  return `${text}${suppressed} finding${suppressed === 1 ? '' : 's'} suppressed by ${IGNORE_ANNOTATION} annotations (--no-inline-ignores shows them).\n`;
}
