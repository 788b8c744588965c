import type { Severity } from '../model/severity.js';
import type { Rule } from './rule.js';

/** What the configuration may say about one rule: a severity, or a severity and options. */
export type RuleConfig = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

/** An enabled rule with the severity and options it runs with. */
export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * The rules a run uses: every rule at its default severity, overridden by the configuration;
 * `off` leaves a rule out. `only` (tests, and library callers) limits the run to some rules.
 */
export function resolveRuleSettings(
  rules: readonly Rule[],
  config: Readonly<Record<string, RuleConfig>> = {},
  only?: readonly string[],
): RuleSetting[] {
  const settings: RuleSetting[] = [];
  for (const rule of rules) {
    if (only && !only.includes(rule.meta.id)) continue;
    const entry = config[rule.meta.id];
    const configured = typeof entry === 'string' ? { severity: entry } : (entry ?? {});
    const severity = configured.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    settings.push({ rule, severity, options: { ...rule.meta.options?.defaults, ...configured.options } });
  }
  return settings;
}
