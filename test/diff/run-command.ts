import { Command, CommanderError } from 'commander';
import { checkCommand } from '../../src/cli/check-command.js';
import { diffCommand } from '../../src/cli/diff-command.js';
import type { CliIo } from '../../src/cli/io.js';

/**
 * Runs `kubeplan diff` or `kubeplan check` in-process, the way `cli()` runs its commands, and
 * captures what they write.
 */
export async function runCommand(
  argv: string[],
  options: { stdin?: string; tty?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    ...(options.stdin !== undefined ? { readStdin: async () => Buffer.from(options.stdin!) } : {}),
  };
  const program = new Command('kubeplan')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  for (const command of [diffCommand(io, (c) => (code = c)), checkCommand(io, (c) => (code = c))]) {
    program.addCommand(
      command.exitOverride().configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) }),
    );
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  return { code, stdout, stderr };
}
