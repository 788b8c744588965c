import type { RuleDescriptor } from '../model/rule-descriptor.js';
import type { Rule } from './rule.js';
import { ENGINE_RULE_IDS } from './run-rules.js';

/** Findings the engine itself reports, besides those of the rules. */
const ENGINE_DESCRIPTORS: readonly RuleDescriptor[] = [
  {
    id: ENGINE_RULE_IDS.ruleError,
    defaultSeverity: 'error',
    description: 'A rule failed on an object.',
    help: 'A bug in kubeplan: the rule met a shape it did not expect. The other rules still ran on the object.\n\nPlease report it with the object that triggers it.',
    tags: ['engine'],
  },
  {
    id: ENGINE_RULE_IDS.ignoreInvalid,
    defaultSeverity: 'warning',
    description: 'A kubeplan.io/ignore annotation names an unknown rule or a container the object does not have.',
    help: 'Such an annotation suppresses nothing, which is rarely what its author meant.\n\nFix the rule id (kubeplan rules lists them) or the container name.',
    tags: ['engine'],
  },
];

/** The rules (and the engine's own findings) as reports such as SARIF describe them: help is the rationale, then how to fix it. */
export function ruleDescriptors(rules: readonly Rule[]): RuleDescriptor[] {
  const described = rules.map((r) => ({
    id: r.meta.id,
    description: r.meta.description,
    help: `${r.meta.rationale}\n\n${r.meta.remediation}`,
    defaultSeverity: r.meta.severity,
    tags: [r.meta.category],
  }));
  return [...described, ...ENGINE_DESCRIPTORS];
}
