import type { CheckResult } from '../commands/check.js';
import { diffSectionsJson } from './diff-json.js';
import { summaryJson } from './json.js';
import { findingToJson } from './json.js';

/**
 * `kubeplan check --format json` (docs/check.md): the changes and consequences (null without a
 * current state), every finding of lint, plan and diff, and the summary.
 */
export function formatCheckJson(result: CheckResult, currentSource = ''): string {
  const s = result.summary;
  const sections = result.diff ? diffSectionsJson(result.diff) : { changes: null, consequences: null };
  const document = {
    current: currentSource || null,
    ...sections,
    findings: result.findings.map(findingToJson),
    summary: { ...summaryJson(s), suppressed: s.suppressed, changes: s.changes ?? null },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
