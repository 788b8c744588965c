#!/usr/bin/env node
import { endWhenOutputCloses } from './cli/closed-output.js';
import { cli } from './cli.js';

endWhenOutputCloses(
  [process.stdout, process.stderr],
  process.stderr,
  (code) => process.exit(code),
  () => Number(process.exitCode ?? 0),
);
process.exitCode = await cli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
