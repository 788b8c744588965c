import { Command, Option } from 'commander';
import { BUILTIN_RULES } from '../../rules/index.js';
import { CATEGORY_TITLES, type RuleCategory } from '../lint/rule.js';
import type { CliIo } from './io.js';

/** `kubeplan rules`: every rule with its default severity, smallest profile and what it reports. */
export function rulesCommand(io: CliIo): Command {
  return new Command('rules')
    .description('list the lint rules with their default severity and profile (kubeplan explain <id> tells more)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => {
      if (flags.format === 'json') {
        const rules = BUILTIN_RULES.map((r) => ({
          id: r.meta.id,
          category: r.meta.category,
          severity: r.meta.severity,
          profile: r.meta.profile,
          description: r.meta.description,
          options: r.meta.options?.defaults ?? {},
        }));
        io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const width = BUILTIN_RULES.reduce((max, r) => Math.max(max, r.meta.id.length), 0);
      const lines: string[] = [];
      for (const category of Object.keys(CATEGORY_TITLES) as RuleCategory[]) {
        const rules = BUILTIN_RULES.filter((r) => r.meta.category === category);
        if (rules.length === 0) continue;
        if (lines.length) lines.push('');
        lines.push(`${CATEGORY_TITLES[category]}:`);
        for (const r of rules)
          lines.push(
            `  ${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.profile.padEnd(10)}  ${r.meta.description}`,
          );
      }
      lines.push(
        '',
        `${BUILTIN_RULES.length} rules. A run uses the rules of its profile (--profile; default: default) and those .kubeplan.yaml names; read one with kubeplan explain <id>.`,
      );
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
