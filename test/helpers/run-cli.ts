import { cli } from '../../src/cli.js';

/** Runs the CLI in-process and captures what it writes. */
export async function runCli(
  argv: string[],
  options: { stdin?: string; tty?: boolean; env?: Record<string, string>; cwd?: string } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.stdin !== undefined ? { readStdin: async () => Buffer.from(options.stdin!) } : {}),
  });
  return { code, stdout, stderr };
}
