import pc from 'picocolors';
import type { CheckResult } from '../commands/check.js';
import { changeLines, changeSummary } from './diff-text.js';
import { formatText, type TextOptions } from './text.js';

/**
 * `kubeplan check` for people: with a current state, the changes and their consequences as
 * `kubeplan diff` shows them; then the findings of lint, plan and diff together, grouped by
 * file, with their count; then the change count.
 */
export function formatCheckText(result: CheckResult, options: TextOptions & { currentSource?: string } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const title = result.diff && options.currentSource ? [c.bold(`Changes against ${options.currentSource}`), ''] : [];
  const changes = result.diff ? changeLines(result.diff, options) : [];
  const tail = result.diff ? `${changeSummary(result.diff.summary)}\n` : '';
  return `${[...title, ...changes].map((l) => `${l}\n`).join('')}${formatText(result, options)}${tail}`;
}
