import { describe } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { printSkip } from './skip-notice.js';

/**
 * `describe` when the system tool answers `args` (e.g. `--version`), else `describe.skip` with
 * the reason printed: `npm test` passes with Node alone, and `.ci/run` installs the tool so CI
 * always runs these tests.
 */
export function describeWithTool(
  tool: string,
  args: readonly string[],
  install: string,
): (name: string, body: () => void) => void {
  if (spawnSync(tool, args).status === 0) return describe;
  printSkip(`the tests that run ${tool} need it installed (${install}; .ci/run installs it)`);
  return describe.skip;
}
