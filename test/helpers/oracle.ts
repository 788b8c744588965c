import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { printSkip } from './skip-notice.js';

const ORACLE_DIR = 'test/oracle';

/**
 * The test oracle (test/oracle: upstream Kubernetes code in Go), built once per version of its
 * sources into node_modules/.cache; undefined, with the reason printed, where Go is absent.
 */
export function oracleBinary(): string | undefined {
  if (spawnSync('go', ['version']).status !== 0) {
    printSkip('the differential tests run upstream Kubernetes code and need Go 1.26 or later (test/oracle/go.mod)');
    return undefined;
  }
  const hash = createHash('sha256');
  for (const name of readdirSync(ORACLE_DIR)
    .filter((n) => /\.(go|mod|sum)$/.test(n))
    .sort())
    hash.update(name).update(readFileSync(join(ORACLE_DIR, name)));
  const dir = join('node_modules', '.cache', 'kubeplan-oracle', hash.digest('hex').slice(0, 16));
  const binary = join(dir, 'oracle');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  // Workers may build at once: each writes its own file, and the rename makes one of them the binary.
  const partial = `${binary}.${process.pid}`;
  const build = spawnSync('go', ['build', '-o', resolve(partial), '.'], { cwd: ORACLE_DIR, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the oracle failed: ${build.stderr}`);
  renameSync(partial, binary);
  return binary;
}

export interface OracleAnswer {
  result?: unknown;
  error?: string;
}

/** The oracle's answers to `requests`, one per request, in order. */
export function askOracle(binary: string, requests: readonly object[]): OracleAnswer[] {
  const run = spawnSync(binary, [], {
    input: requests.map((r) => JSON.stringify(r)).join('\n'),
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.status !== 0) throw new Error(`the oracle failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OracleAnswer);
}
