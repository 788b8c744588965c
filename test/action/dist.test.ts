import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ACTION_BUILD_OPTIONS, ACTION_BUNDLE } from '../../src/action/build.js';

describe('the committed Action bundle', () => {
  it('is what a fresh build of the sources gives (run npm run build:action and commit dist/)', async () => {
    const fresh = await build({ ...ACTION_BUILD_OPTIONS, write: false, outfile: ACTION_BUNDLE });
    expect(fresh.outputFiles).toHaveLength(1);
    const committed = readFileSync(ACTION_BUNDLE, 'utf8');
    // Compare sizes first: a mismatch of a 3 MB string is unreadable in a test report.
    expect(committed.length).toBe(fresh.outputFiles[0]!.text.length);
    expect(committed === fresh.outputFiles[0]!.text).toBe(true);
  }, 120_000);

  it('is what action.yml runs, on node24', () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string; main: string } };
    expect(action.runs).toEqual({ using: 'node24', main: ACTION_BUNDLE });
  });
});
