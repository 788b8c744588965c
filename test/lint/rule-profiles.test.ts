import { describe, expect, it } from '@jest/globals';
import { BUILTIN_RULES } from '../../rules/index.js';
import { isRuleProfile, profileIncludes, RULE_PROFILES } from '../../src/lint/rule-profiles.js';
import { resolveRuleSettings } from '../../src/lint/rule-settings.js';
import { lint } from '../../src/index.js';

const ids = (settings: ReturnType<typeof resolveRuleSettings>) => settings.map((s) => s.rule.meta.id);

describe('rule profiles', () => {
  it('nest: each profile holds the one before it', () => {
    expect(RULE_PROFILES).toEqual(['default', 'restricted', 'all']);
    expect(profileIncludes('default', 'default')).toBe(true);
    expect(profileIncludes('default', 'restricted')).toBe(false);
    expect(profileIncludes('restricted', 'default')).toBe(true);
    expect(profileIncludes('restricted', 'restricted')).toBe(true);
    expect(profileIncludes('restricted', 'all')).toBe(false);
    expect(profileIncludes('all', 'restricted')).toBe(true);
    expect(profileIncludes('all', 'all')).toBe(true);
  });

  it('recognizes profile names only', () => {
    expect(RULE_PROFILES.every(isRuleProfile)).toBe(true);
    expect(isRuleProfile('strict')).toBe(false);
    expect(isRuleProfile(undefined)).toBe(false);
  });

  it('runs the default profile unless told otherwise, and every rule with all', () => {
    const byDefault = ids(resolveRuleSettings(BUILTIN_RULES));
    expect(byDefault).toContain('privileged-container');
    expect(byDefault).toContain('cpu-request-missing');
    expect(byDefault).not.toContain('seccomp-profile-missing');
    expect(byDefault).not.toContain('liveness-probe-missing');
    const restricted = ids(resolveRuleSettings(BUILTIN_RULES, {}, undefined, 'restricted'));
    expect(restricted).toEqual(expect.arrayContaining([...byDefault, 'seccomp-profile-missing', 'run-as-user-root']));
    expect(restricted).not.toContain('liveness-probe-missing');
    expect(ids(resolveRuleSettings(BUILTIN_RULES, {}, undefined, 'all'))).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
  });

  it('runs a rule the configuration names, whatever the profile, and leaves out one set to off', () => {
    const settings = resolveRuleSettings(BUILTIN_RULES, {
      'liveness-probe-missing': 'info',
      'readiness-probe-missing': { options: {} },
      'image-tag-latest': 'off',
    });
    const on = ids(settings);
    expect(on).toContain('liveness-probe-missing');
    expect(on).toContain('readiness-probe-missing');
    expect(on).not.toContain('image-tag-latest');
    expect(settings.find((s) => s.rule.meta.id === 'liveness-probe-missing')?.severity).toBe('info');
    expect(settings.find((s) => s.rule.meta.id === 'readiness-probe-missing')?.severity).toBe('warning');
  });

  it('runs exactly the rules asked for by id, whatever their profile', () => {
    expect(ids(resolveRuleSettings(BUILTIN_RULES, {}, ['liveness-probe-missing', 'host-port']))).toEqual([
      'host-port',
      'liveness-probe-missing',
    ]);
  });

  it('chooses the profile by option, then by configuration', async () => {
    const pod = 'fixtures/rules/liveness-probe-missing/invalid/deployment.yaml';
    const fired = async (options: Parameters<typeof lint>[1]) =>
      (await lint([pod], options)).findings.some((f) => f.ruleId === 'liveness-probe-missing');
    expect(await fired({})).toBe(false);
    expect(await fired({ profile: 'all' })).toBe(true);
    expect(await fired({ config: { profile: 'all' } })).toBe(true);
    expect(await fired({ config: { profile: 'all' }, profile: 'restricted' })).toBe(false);
  });
});
