/** Where the CLI reads and writes; tests pass buffers, `bin.ts` passes the process's streams. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin?: () => Promise<Uint8Array>;
  env: Record<string, string | undefined>;
  cwd?: string;
}

/** Colour only on a terminal, unless NO_COLOR or FORCE_COLOR say otherwise. */
export function wantsColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
