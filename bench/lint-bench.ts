/**
 * `npm run bench`: times, in one run and on the same files, kubeplan's lint (read + parse +
 * source map + strict schema validation + rules) and a bare `yaml` parseAllDocuments over the
 * same files, alternating the two so machine noise hits both alike. Reports medians and the ratio.
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
  console.log(`lint findings: ${first.findings.length} (${first.summary.errors} errors), objects: ${first.summary.objects}`);

  const bare: number[] = [];
  const full: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    bareParse(corpus.files);
    bare.push(performance.now() - t);
    t = performance.now();
    await lint([corpus.dir]);
    full.push(performance.now() - t);
  }
  const b = median(bare);
  const l = median(full);
  console.log(`bare yaml parseAllDocuments: median ${b.toFixed(0)} ms  (runs: ${bare.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`kubeplan lint:               median ${l.toFixed(0)} ms  (runs: ${full.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`ratio lint / bare parse: ${(l / b).toFixed(2)}x`);
}

await main();
