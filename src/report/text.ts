import pc from 'picocolors';
import { plural, severityCounts } from '../model/plural.js';
import { IGNORE_ANNOTATION } from '../lint/suppression.js';
import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { Summary } from '../model/summary.js';

export interface TextOptions {
  /** ANSI colours; the CLI turns them on only when writing to a terminal. */
  color?: boolean;
}

/**
 * One line per finding, `file:line:col  severity  message  ruleId`, grouped by file with a blank
 * line between files, then a summary line.
 */
export function formatText(
  result: { findings: readonly Finding[]; summary: Summary },
  options: TextOptions = {},
): string {
  const c = pc.createColors(options.color ?? false);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  for (const [file, findings] of groups) {
    if (lines.length) lines.push('');
    const where = findings.map((f) => `${file}:${f.line}:${f.column}`);
    const width = where.reduce((max, w) => Math.max(max, w.length), 0);
    findings.forEach((f, i) => {
      lines.push(
        `${c.bold(where[i]!.padEnd(width))}  ${paint[f.severity](f.severity.padEnd(7))}  ${f.message}  ${c.dim(f.ruleId)}`,
      );
    });
  }
  const s = result.summary;
  const scope = `${plural(s.files, 'file')}, ${plural(s.objects, 'object')}`;
  if (lines.length) lines.push('');
  if (s.errors + s.warnings + s.infos === 0) {
    lines.push(c.green(`No problems found (${scope}).`));
  } else {
    const counts = severityCounts(s);
    lines.push(`${s.errors ? c.red(counts) : s.warnings ? c.yellow(counts) : counts} (${scope}).`);
  }
  const suppressed = s.suppressed ?? 0;
  if (suppressed)
    lines.push(
      `${plural(suppressed, 'finding')} suppressed by ${IGNORE_ANNOTATION} annotations (--no-inline-ignores shows them).`,
    );
  return `${lines.join('\n')}\n`;
}
