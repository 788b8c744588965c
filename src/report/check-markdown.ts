import type { CheckResult } from '../commands/check.js';
import { markdownReport } from './diff-markdown.js';
import { changeSummary } from './diff-text.js';

/** `kubeplan check --format markdown`: the pull-request comment of a check. */
export function formatCheckMarkdown(result: CheckResult): string {
  const s = result.summary;
  const counts = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info (${s.files} files, ${s.objects} objects)`;
  const suppressed = s.suppressed ? [`${s.suppressed} finding${s.suppressed === 1 ? '' : 's'} suppressed by kubeplan.io/ignore annotations`] : [];
  const changes = result.diff ? [changeSummary(result.diff.summary)] : [];
  return markdownReport({ title: 'kubeplan check', headline: [counts, ...suppressed, ...changes], ...(result.diff ? { diff: result.diff } : {}), findings: result.findings });
}
