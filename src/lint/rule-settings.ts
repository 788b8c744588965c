import type { Severity } from '../model/severity.js';
import type { Rule } from './rule.js';
import { DEFAULT_PROFILE, profileIncludes, type RuleProfile } from './rule-profiles.js';

/** What the configuration may say about one rule: a severity, or a severity and options. */
export type RuleConfig = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

/** An enabled rule with the severity and options it runs with. */
export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * The rules a run uses: the profile's rules at their default severity, overridden by the
 * configuration; a rule the configuration names runs whatever the profile, and `off` leaves it
 * out. `only` (tests, and library callers) runs just those rules, whatever the profile.
 */
export function resolveRuleSettings(
  rules: readonly Rule[],
  config: Readonly<Record<string, RuleConfig>> = {},
  only?: readonly string[],
  profile: RuleProfile = DEFAULT_PROFILE,
): RuleSetting[] {
  const settings: RuleSetting[] = [];
  for (const rule of rules) {
    const entry = config[rule.meta.id];
    if (only ? !only.includes(rule.meta.id) : entry === undefined && !profileIncludes(profile, rule.meta.profile))
      continue;
    const configured = typeof entry === 'string' ? { severity: entry } : (entry ?? {});
    const severity = configured.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    settings.push({ rule, severity, options: { ...rule.meta.options?.defaults, ...configured.options } });
  }
  return settings;
}
