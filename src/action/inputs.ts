import type { FailOn } from '../model/severity.js';
import { FAIL_ON_LEVELS } from '../model/severity.js';
import { isRuleProfile, RULE_PROFILES, type RuleProfile } from '../lint/rule-profiles.js';

/** The Action's inputs as `action.yml` declares them. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  cluster: string[];
  current?: string;
  failOn?: FailOn;
  profile?: RuleProfile;
  sarifFile: string;
  reviewComments: boolean;
  summaryComment: boolean;
  token: string;
}

const FAIL_ON = new Set<string>(FAIL_ON_LEVELS);

/** Words separated by spaces or new lines (a multi-line YAML input is the usual way to list paths). */
function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function flag(name: string, text: string): boolean {
  if (/^(true|yes|on|1)$/i.test(text)) return true;
  if (/^(false|no|off|0)$/i.test(text)) return false;
  throw new Error(`input ${name} must be true or false, not "${text}"`);
}

/** Reads and checks the inputs; `get` returns an input's value ('' when unset). Throws on a bad value. */
export function readInputs(get: (name: string) => string): ActionInputs {
  const failOn = get('fail-on').trim();
  if (failOn && !FAIL_ON.has(failOn))
    throw new Error(`input fail-on must be error, warning, info or never, not "${failOn}"`);
  const profile = get('profile').trim();
  if (profile && !isRuleProfile(profile))
    throw new Error(`input profile must be ${RULE_PROFILES.join(', ')}, not "${profile}"`);
  const inputs: ActionInputs = {
    paths: words(get('paths')).length ? words(get('paths')) : ['.'],
    cluster: words(get('cluster')),
    sarifFile: get('sarif-file').trim() || 'kubeplan.sarif',
    reviewComments: flag('review-comments', get('review-comments').trim() || 'true'),
    summaryComment: flag('summary-comment', get('summary-comment').trim() || 'true'),
    token: get('github-token').trim(),
  };
  if (get('config').trim()) inputs.config = get('config').trim();
  if (get('current').trim()) inputs.current = get('current').trim();
  if (failOn) inputs.failOn = failOn as FailOn;
  if (isRuleProfile(profile)) inputs.profile = profile;
  return inputs;
}
