import type { Finding } from '../model/finding.js';
import type { Summary } from '../model/summary.js';

/**
 * The documented, stable JSON shape of findings (docs/output-formats.md): every key is always
 * present, in this order, so consumers and golden files do not depend on which checks ran.
 */
export function findingToJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine ?? f.line,
    endColumn: f.endColumn ?? f.column,
    object: f.object
      ? {
          apiVersion: f.object.apiVersion,
          kind: f.object.kind,
          namespace: f.object.namespace ?? null,
          name: f.object.name,
        }
      : null,
    pointer: f.pointer,
    phase: f.phase,
    ...(f.messageId !== undefined ? { messageId: f.messageId, data: f.data ?? {} } : {}),
    ...(f.remediation ? { remediation: f.remediation } : {}),
    ...(f.docsUrl ? { docsUrl: f.docsUrl } : {}),
  };
}

/** The usual summary fields, in the order of every JSON report. */
export function summaryJson(s: Summary): Record<string, number> {
  return {
    files: s.files,
    documents: s.documents,
    objects: s.objects,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    ioErrors: s.ioErrors,
  };
}

export function formatJson(result: { findings: readonly Finding[]; summary: Summary }): string {
  const summary = { ...summaryJson(result.summary), suppressed: result.summary.suppressed ?? 0 };
  return `${JSON.stringify({ findings: result.findings.map(findingToJson), summary }, null, 2)}\n`;
}
