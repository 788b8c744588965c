/**
 * `npm run bench`: times, in one run and on the same files, a bare `yaml` parseAllDocuments,
 * kubeplan's lint without rules (read + parse + source map + strict schema validation) and with
 * every rule, alternating them so machine noise hits all alike. Reports medians and ratios.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { lint } from '../src/index.js';
import { writeCorpus } from './corpus.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function bareParse(files: readonly string[]): number {
  let documents = 0;
  for (const file of files) documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
  return documents;
}

async function main(): Promise<void> {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bench', 'corpus');
  const corpus = writeCorpus(root);
  console.log(`corpus: ${corpus.files.length} files, ${corpus.objects} objects in ${root}`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);

  // Warm-up: loads modules and schemas and lets the JIT settle, for both sides.
  bareParse(corpus.files);
  const first = await lint([corpus.dir]);
  console.log(
    `lint findings: ${first.findings.length} (${first.summary.errors} errors), objects: ${first.summary.objects}`,
  );

  const times: Record<'bare' | 'schemas' | 'rules', number[]> = { bare: [], schemas: [], rules: [] };
  const time = async (key: keyof typeof times, run: () => unknown): Promise<void> => {
    const t = performance.now();
    await run();
    times[key].push(performance.now() - t);
  };
  for (let round = 0; round < ROUNDS; round++) {
    await time('bare', () => bareParse(corpus.files));
    await time('schemas', () => lint([corpus.dir], { onlyRules: [] }));
    await time('rules', () => lint([corpus.dir]));
  }
  const show = (label: string, key: keyof typeof times) =>
    console.log(
      `${label.padEnd(38)} median ${median(times[key]).toFixed(0).padStart(6)} ms  (runs: ${times[key].map((x) => x.toFixed(0)).join(', ')})`,
    );
  show('bare yaml parseAllDocuments:', 'bare');
  show('kubeplan lint, schemas only:', 'schemas');
  show('kubeplan lint, schemas and all rules:', 'rules');
  const bare = median(times.bare);
  console.log(`ratio schemas only / bare parse: ${(median(times.schemas) / bare).toFixed(2)}x (goal <= 1.5x)`);
  console.log(`ratio all rules / bare parse:    ${(median(times.rules) / bare).toFixed(2)}x (goal <= 2x)`);
}

await main();
