import type { DiffResult } from '../commands/diff.js';
import { plural } from '../model/plural.js';
import type { ObjectChange } from '../diff/types.js';
import type { Finding } from '../model/finding.js';
import { describeRef } from '../model/object-ref.js';
import { consequenceLines } from './diff-consequences.js';
import { ACTION_MARKS, changeSummary, sourceOf } from './diff-text.js';

/** GitHub refuses comments and summaries above 65,536 characters; the report stays below with room to spare. */
export const MARKDOWN_LIMIT = 60_000;

/** Text inside a table cell or a list item: no line breaks, no pipes closing the cell. */
export function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function findingLine(f: Finding): string {
  return `- **${f.severity}** \`${f.file}:${f.line}:${f.column}\` ${inline(f.message)} (\`${f.ruleId}\`)`;
}

function details(change: ObjectChange): string {
  const f = fence(change.text);
  return `<details><summary>${ACTION_MARKS[change.action]} ${describeRef(change.ref)}</summary>\n\n${f}diff\n${change.text}${f}\n\n</details>`;
}

export interface MarkdownReport {
  title: string;
  /** Bold lines under the title (counts). */
  headline: string[];
  /** The changes and consequences, when there is a current state. */
  diff?: Pick<DiffResult, 'changes' | 'consequences'>;
  /** Extra sections (already Markdown) placed after the consequences, such as the plan. */
  sections?: string[];
  findings: readonly Finding[];
}

const SEVERITY_TITLES: ReadonlyArray<[Finding['severity'], string]> = [
  ['error', 'Errors'],
  ['warning', 'Warnings'],
  ['info', 'Info'],
];

/**
 * A report as a pull-request comment: the headline, a table of changed objects, the
 * consequences, extra sections, the findings grouped by severity (errors first), then each
 * object's unified diff in a collapsed block. Findings and diffs that would take the comment past
 * `MARKDOWN_LIMIT` characters are left out, and the comment says how many, so it always fits.
 * Shared by `diff` and `check`.
 */
export function markdownReport(report: MarkdownReport): string {
  const out: string[] = [`### ${report.title}`, '', ...report.headline.flatMap((h) => [`**${h}**`, ''])];
  const shown = report.diff?.changes.filter((c) => c.action !== 'unchanged') ?? [];
  if (shown.length) {
    out.push('| | object | file | note |', '|---|---|---|---|');
    for (const c of shown) {
      const note = c.action === 'unmanaged' ? 'only in the cluster' : c.refused ? `refused: ${inline(c.refused)}` : '';
      out.push(`| ${c.action} | ${inline(describeRef(c.ref))} | \`${sourceOf(c)}\` | ${note} |`);
    }
    out.push('');
  }
  const consequences = report.diff?.consequences ? consequenceLines(report.diff.consequences) : [];
  if (consequences.length) out.push('#### Consequences', '', ...consequences.map((l) => `- ${inline(l)}`), '');
  for (const section of report.sections ?? []) out.push(section, '');
  let body = out.join('\n');

  // Room is kept for the notes about what did not fit.
  const budget = MARKDOWN_LIMIT - 1_000;
  let findingsLeft = 0;
  for (const [severity, title] of SEVERITY_TITLES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    const heading = `\n#### ${title} (${group.length})\n\n`;
    if (body.length + heading.length > budget) {
      findingsLeft += group.length;
      continue;
    }
    body += heading;
    for (const f of group) {
      const line = `${findingLine(f)}\n`;
      if (body.length + line.length > budget) findingsLeft++;
      else body += line;
    }
  }
  if (findingsLeft)
    body += `\n_${plural(findingsLeft, 'more finding')} not shown: the comment would be too long (the job summary, the SARIF report and \`kubeplan check\` list them all)._\n`;

  let omitted = 0;
  for (const block of shown.filter((c) => c.text).map(details)) {
    if (body.length + block.length + 200 > budget) omitted++;
    else body += `\n${block}\n`;
  }
  if (omitted)
    body += `\n_${plural(omitted, 'more diff')} not shown: the comment would be too long (run \`kubeplan diff\` for all)._\n`;
  return body.endsWith('\n') ? body : `${body}\n`;
}

/** `kubeplan diff --format markdown`. */
export function formatDiffMarkdown(result: DiffResult, currentSource = ''): string {
  const against = currentSource ? ` against \`${currentSource}\`` : '';
  return markdownReport({
    title: 'kubeplan diff',
    headline: [`${changeSummary(result.summary)}${against}`],
    diff: result,
    findings: result.findings,
  });
}
