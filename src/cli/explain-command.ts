import { Command } from 'commander';
import { BUILTIN_RULES } from '../../rules/index.js';
import { renderRuleDoc } from '../lint/rule-docs.js';
import { EXIT_ERROR } from '../model/summary.js';
import { closestName } from '../validate/suggest.js';
import type { CliIo } from './io.js';

/** `kubeplan explain <id>`: one rule's documentation, as in docs/rules.md. */
export function explainCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('explain')
    .description("print a rule's documentation: why it matters, how to fix it, options and an example")
    .argument('<rule>', 'rule id, e.g. image-tag-latest')
    .action((id: string) => {
      const rule = BUILTIN_RULES.find((r) => r.meta.id === id);
      if (!rule) {
        const ids = BUILTIN_RULES.map((r) => r.meta.id);
        const guess = closestName(id, ids) ?? ids.find((known) => known.startsWith(id));
        io.stderr.write(
          `kubeplan: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (kubeplan rules lists them)\n`,
        );
        setExit(EXIT_ERROR);
        return;
      }
      io.stdout.write(renderRuleDoc(rule));
    });
}
