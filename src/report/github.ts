import type { Finding } from '../model/finding.js';
import { plural } from '../model/plural.js';
import type { Severity } from '../model/severity.js';

/** GitHub shows at most this many annotations of each level per step; the rest would be lost. */
export const ANNOTATIONS_PER_LEVEL = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a workflow command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property values, where `:` and `,` are separators too. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface GithubOutput {
  /** Workflow commands for the log: one annotation per finding, at most 10 of each level. */
  commands: string;
  /** Markdown for the job summary listing the findings that did not fit as annotations ('' if none). */
  summary: string;
  /** How many findings did not fit as annotations. */
  overflow: number;
  /**
   * The same findings as plain lines of the log ('' if none), for a run without a job summary
   * (`GITHUB_STEP_SUMMARY` unset, or outside GitHub Actions): none is dropped unsaid.
   */
  log: string;
}

function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `endLine=${f.endLine ?? f.line}`,
    `col=${f.column}`,
    `endColumn=${f.endColumn ?? f.column}`,
    `title=${escapeProperty(`kubeplan ${f.ruleId}`)}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * GitHub Actions workflow commands for findings. The first ten of each level become annotations
 * on the changed files; the others go to the job summary, or to the log without one, so none is
 * lost.
 */
export function formatGithub(findings: readonly Finding[]): GithubOutput {
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  const overflow: Finding[] = [];
  for (const f of findings) {
    if (shown[f.severity] < ANNOTATIONS_PER_LEVEL) {
      shown[f.severity]++;
      lines.push(annotation(f));
    } else {
      overflow.push(f);
    }
  }
  let summary = '';
  if (overflow.length) {
    summary = [
      `### kubeplan: ${plural(overflow.length, 'more finding')}`,
      '',
      `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step; these did not fit.`,
      '',
      '| severity | location | rule | message |',
      '|---|---|---|---|',
      ...overflow.map(
        (f) =>
          `| ${f.severity} | \`${markdownCell(f.file)}:${f.line}:${f.column}\` | \`${f.ruleId}\` | ${markdownCell(f.message)} |`,
      ),
      '',
    ].join('\n');
  }
  const log = overflow.length
    ? [
        `kubeplan: ${plural(overflow.length, 'more finding')} did not fit as annotations (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step):`,
        ...overflow.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`),
        '',
      ].join('\n')
    : '';
  return { commands: lines.length ? `${lines.join('\n')}\n` : '', summary, overflow: overflow.length, log };
}
