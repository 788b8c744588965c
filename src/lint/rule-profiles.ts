/**
 * Rule profiles: which rules a run turns on when the configuration names no rule. Each profile
 * holds the one before it. The default is kept quiet on purpose: on real repositories a rule
 * that fires on most workloads is read by nobody, and a pull request check that cries wolf is
 * switched off (docs/profiles.md has the figures behind the choice).
 */
export const RULE_PROFILES = ['default', 'restricted', 'all'] as const;

export type RuleProfile = (typeof RULE_PROFILES)[number];

export const DEFAULT_PROFILE: RuleProfile = 'default';

export const PROFILE_DESCRIPTIONS: Readonly<Record<RuleProfile, string>> = {
  default:
    'what breaks or endangers a cluster: broken references, removed and deprecated APIs, the Pod Security Standards baseline, resource requests, mutable image tags, plain-text secrets',
  restricted:
    'the default, and the Pod Security Standards "restricted" level (non-root, no privilege escalation, seccomp, dropped capabilities)',
  all: 'every rule: also probes, memory limits, read-only root filesystems, disruption budgets, service account tokens and CronJob deadlines',
};

/** True when a rule whose smallest profile is `rule` runs under the `selected` profile. */
export function profileIncludes(selected: RuleProfile, rule: RuleProfile): boolean {
  return RULE_PROFILES.indexOf(rule) <= RULE_PROFILES.indexOf(selected);
}

export function isRuleProfile(value: unknown): value is RuleProfile {
  return (RULE_PROFILES as readonly unknown[]).includes(value);
}
