import type { RuleDescriptor } from '../model/rule-descriptor.js';
import type { Rule } from './rule.js';

/** The rules as reports (SARIF) describe them: help is the rationale, then how to fix it. */
export function ruleDescriptors(rules: readonly Rule[]): RuleDescriptor[] {
  return rules.map((r) => ({
    id: r.meta.id,
    description: r.meta.description,
    help: `${r.meta.rationale}\n\n${r.meta.remediation}`,
    defaultSeverity: r.meta.severity,
    tags: [r.meta.category],
  }));
}
