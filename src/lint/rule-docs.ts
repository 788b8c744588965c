import { CATEGORY_TITLES, type Rule, type RuleCategory } from './rule.js';
import { PROFILE_DESCRIPTIONS, profileIncludes, RULE_PROFILES } from './rule-profiles.js';
import { plural } from '../model/plural.js';

function targetText(rule: Rule): string {
  const t = rule.meta.target;
  if (t === 'all') return 'every object';
  if (t === 'pod-templates')
    return 'pods and the pod templates of workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Argo Rollout)';
  return t.map((k) => `\`${k}\``).join(', ');
}

function optionsTable(rule: Rule): string[] {
  const options = rule.meta.options;
  if (!options) return [];
  const properties = (options.schema.properties ?? {}) as Record<string, { description?: string }>;
  // Stryker disable next-line ArrayDeclaration: only a rule whose options table held the mutant's made-up row could tell
  if (Object.keys(properties).length === 0) return [];
  const rows = Object.entries(properties).map(
    ([name, p]) => `| \`${name}\` | \`${JSON.stringify(options.defaults[name])}\` | ${p.description ?? ''} |`,
  );
  return ['**Options**', '', '| option | default | meaning |', '|---|---|---|', ...rows, ''];
}

/** The messages of a rule by id: the ids are in the JSON output and stay stable when a message is reworded. */
function messagesList(rule: Rule): string[] {
  const rows = Object.entries(rule.meta.messages).map(([id, template]) => `- \`${id}\`: ${template}`);
  return ['**Messages** (`messageId`: text, with `{{placeholders}}`)', '', ...rows, ''];
}

/** One rule's documentation in Markdown: what `kubeplan explain <id>` prints and `docs/rules.md` holds. */
export function renderRuleDoc(rule: Rule, headingLevel = 2): string {
  const m = rule.meta;
  const lines = [
    `${'#'.repeat(headingLevel)} ${m.id}`,
    '',
    `${m.description}`,
    '',
    `- Default severity: **${m.severity}**`,
    `- Profile: ${m.profile}${m.profile === 'all' ? '' : ' (and the larger ones)'}`,
    `- Category: ${CATEGORY_TITLES[m.category]}`,
    `- Checks: ${targetText(rule)}`,
    '',
    `**Why it matters.** ${m.rationale}`,
    '',
    `**How to fix it.** ${m.remediation}`,
    '',
    ...(m.notes ? [`**Good to know.** ${m.notes}`, ''] : []),
    ...optionsTable(rule),
    ...messagesList(rule),
    '**Example**',
    '',
    'Reported:',
    '',
    '```yaml',
    m.example.invalid.trimEnd(),
    '```',
    '',
    'Not reported:',
    '',
    '```yaml',
    m.example.valid.trimEnd(),
    '```',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** `docs/rules.md`: an index by category, then every rule. Generated; `npm run docs:rules` rewrites it. */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const out = [
    '# Rules',
    '',
    "<!-- Generated from the rules' metadata by `npm run docs:rules`; do not edit. A test fails when this file is stale. -->",
    '',
    `kubeplan lint has ${rules.length} rules, run after schema validation. A profile chooses which run`,
    '(`--profile`, or `profile` in `.kubeplan.yaml`; profiles.md explains the choice):',
    '',
    ...RULE_PROFILES.map(
      (p) =>
        `- \`${p}\` (${plural(rules.filter((r) => profileIncludes(p, r.meta.profile)).length, 'rule')}): ${PROFILE_DESCRIPTIONS[p]}.`,
    ),
    '',
    'Set severities and options in `.kubeplan.yaml` (see configuration.md; a rule named there runs',
    'in any profile), suppress a rule on an object with the `kubeplan.io/ignore` annotation, and read',
    'one rule with `kubeplan explain <id>`. How rules treat objects missing from the input is',
    'explained in rules-design.md.',
    '',
  ];
  const categories = Object.keys(CATEGORY_TITLES) as RuleCategory[];
  for (const category of categories) {
    const inCategory = rules.filter((r) => r.meta.category === category);
    if (inCategory.length === 0) continue;
    out.push(`## ${CATEGORY_TITLES[category]}`, '', '| rule | severity | profile | reports |', '|---|---|---|---|');
    for (const r of inCategory)
      out.push(`| [${r.meta.id}](#${r.meta.id}) | ${r.meta.severity} | ${r.meta.profile} | ${r.meta.description} |`);
    out.push('');
  }
  out.push('---', '');
  for (const category of categories) {
    for (const r of rules.filter((x) => x.meta.category === category)) out.push(renderRuleDoc(r, 3).trimEnd(), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
