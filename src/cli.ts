import { Command, CommanderError } from 'commander';
import { checkCommand } from './cli/check-command.js';
import { diffCommand } from './cli/diff-command.js';
import { explainCommand } from './cli/explain-command.js';
import { lintCommand } from './cli/lint-command.js';
import { planCommand } from './cli/plan-command.js';
import { rulesCommand } from './cli/rules-command.js';
import type { CliIo } from './cli/io.js';
import { UsageError } from './cli/option-values.js';
import { EXIT_CLEAN, EXIT_ERROR } from './model/summary.js';
import { kubeplanVersion } from './version.js';

export type { CliIo } from './cli/io.js';

/**
 * Runs the kubeplan command line and resolves to the exit code; it never calls process.exit,
 * so tests run it in-process.
 */
export async function cli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('kubeplan')
    .description('What your Kubernetes manifests will do to the cluster, before you apply them.')
    .version(kubeplanVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run kubeplan --help for usage)');
  for (const command of [
    lintCommand(io, setExit),
    planCommand(io, setExit),
    diffCommand(io, setExit),
    checkCommand(io, setExit),
    rulesCommand(io),
    explainCommand(io, setExit),
  ]) {
    program.addCommand(
      command
        .exitOverride()
        .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) }),
    );
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 2.
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (error instanceof UsageError) {
      // A bad option value: its message says what is wrong; a stack would only hide it.
      io.stderr.write(`kubeplan: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr.write(`kubeplan: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_ERROR;
  }
}
