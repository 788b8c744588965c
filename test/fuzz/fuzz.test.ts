// The short run of the mutation fuzzer (docs/testing.md): a few hundred seeded mutants of the
// fixtures through the CLI in-process (src/), a sample of them also through the built CLI as a
// process. FUZZ_SEED picks another seed, FUZZ_SHORT_COUNT another count; `npm run fuzz` is the
// long run. A failure prints every failure class with its minimal input.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../src/cli.js';
import {
  checkResult,
  createRng,
  type FuzzCase,
  formatReport,
  fuzz,
  generateCase,
  inProcessRunner,
  loadFixtures,
  MUTATORS,
  processRunner,
  SECRET_NEEDLES,
} from './fuzzer.mjs';

const SEED = process.env.FUZZ_SEED || 'kubeplan';
const COUNT = Number(process.env.FUZZ_SHORT_COUNT || 200);
const BIN = 'lib/src/bin.js';

/** The newest modification time under dir, of files ending in ext. */
function newest(dir: string, ext: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext))
      time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** The process sample runs the build in lib/: only when it is newer than every source file. */
function builtCliIsCurrent(): boolean {
  return existsSync(BIN) && newest('lib', '.js') >= Math.max(newest('src', '.ts'), newest('rules', '.ts'));
}

describe('the mutation fuzzer', () => {
  const fixtures = loadFixtures('fixtures');

  it('is deterministic: the same seed gives the same mutants', () => {
    const a = Array.from({ length: 30 }, (_, i) => generateCase(fixtures, 'same', i));
    const b = Array.from({ length: 30 }, (_, i) => generateCase(fixtures, 'same', i));
    expect(a).toEqual(b);
    expect(generateCase(fixtures, 'other', 0)).not.toEqual(a[0]);
    const x = createRng(7);
    const y = createRng(7);
    expect(Array.from({ length: 5 }, () => x.next())).toEqual(Array.from({ length: 5 }, () => y.next()));
  });

  it('applies every mutation', () => {
    const rng = createRng('mutators');
    const text = fixtures.find((f) => f.path.endsWith('demo/api.yaml'))!.text;
    for (const mutator of MUTATORS) {
      const changed = Array.from({ length: 5 }, () => mutator.apply(text, rng, fixtures)).some((t) => t !== text);
      expect([mutator.name, changed]).toEqual([mutator.name, true]);
    }
  });

  it('tells each broken property from a good output', () => {
    const c = (format: string): FuzzCase => ({
      ...generateCase(fixtures, 'checks', 0),
      command: 'lint',
      format,
      extras: [],
    });
    const ok = { code: 1, stdout: '{"findings": []}', stderr: '' };
    const signatures = (format: string, result: Partial<typeof ok>) =>
      checkResult(c(format), { ...ok, ...result }).map((f) => f.signature);
    expect(signatures('json', {})).toEqual([]);
    expect(signatures('json', { code: 3 })).toEqual(['exit code 3: lint']);
    expect(signatures('json', { stdout: '{' })[0]).toMatch(/^invalid JSON: lint -f json/);
    expect(
      signatures('text', {
        stdout: '',
        stderr:
          'kubeplan: TypeError: x is not a function\n    at walk (file:///k/src/validate/unknown-fields.ts:42:15)\n',
      }),
    ).toEqual(['crash: TypeError: x is not a function @ walk (src/validate/unknown-fields)']);
    expect(
      signatures('text', {
        stdout:
          'a.yaml:1:1 error kubeplan failed to read this file (RangeError: Invalid array length); the other files were still checked',
      }),
    ).toEqual(['internal-error finding: failed to read this file: RangeError: Invalid array length']);
    expect(signatures('text', { stdout: `data: ${SECRET_NEEDLES[2]}` })).toEqual([
      'secret value in output: lint -f text',
    ]);
    expect(
      signatures('sarif', {
        stdout:
          '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "k"}}, "results": [{"message": {"text": "m"}}]}]}',
      }),
    ).toEqual(['invalid SARIF: lint: results[].locations missing']);
    expect(signatures('junit', { stdout: '<?xml version="1.0"?>\n<a><b>x & y</b></a>' })).toEqual([
      'invalid JUnit XML: lint: an unescaped &',
    ]);
  });

  it(`keeps every property on ${COUNT} mutants (seed ${SEED})`, async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'kubeplan-fuzz-'));
    const sample = builtCliIsCurrent();
    const summary = await fuzz({
      fixtures,
      seed: SEED,
      count: COUNT,
      runner: inProcessRunner(cli),
      workDir,
      saveDir: join(workDir, 'failures'),
      rerunEvery: 4,
      ...(sample ? { processRunner: processRunner(BIN, 60000), processEvery: 100 } : {}),
      shrinkBudget: 60,
      shrinkMs: 15000,
    });
    const note = sample ? '' : `\n(no process sample: ${BIN} is older than src/; npm run build)`;
    if (summary.classes.length) throw new Error(`${formatReport(summary)}${note}`);
    console.log(`${formatReport(summary)}${note}`);
  }, 180000);
});
