import { EXIT_ERROR } from '../model/summary.js';

interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Ends the process when its output can no longer be written. A reader that stops early
 * (`kubeplan lint | head`) closes the pipe: the rest of the report has nowhere to go, so the run
 * ends quietly with its exit code, as other command-line tools do, instead of dying with an
 * unhandled EPIPE. Any other write error (a full disk) is one line on stderr and exit code 2.
 */
export function endWhenOutputCloses(
  streams: readonly OutputStream[],
  stderr: { write(text: string): unknown },
  exit: (code: number) => void,
  exitCode: () => number,
): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') return exit(exitCode());
      // stderr itself may be the stream that failed: then there is no one left to tell.
      try {
        stderr.write(`kubeplan: cannot write the output: ${error.code ?? error.message}\n`);
      } catch {}
      exit(EXIT_ERROR);
    });
  }
}
