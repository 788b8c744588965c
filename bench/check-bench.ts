/**
 * `npm run build && node lib/bench/check-bench.js`: times `kubeplan check` on the demo
 * (fixtures/demo), with its current state (fixtures/diff/current) and without, next to lint
 * and diff (or plan) run on their own, alternating them so machine noise hits all alike. The
 * ratio check / (lint + diff) shows what loading and validating the inputs once saves: check
 * runs both stages, so without sharing it costs their sum. Run from the repository's root.
 */
import { cpus } from 'node:os';
import { check, diff, lint, plan } from '../src/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const DEMO = ['fixtures/demo'];
const CURRENT = ['fixtures/diff/current'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  const runs = {
    'check --current': () => check(DEMO, { current: CURRENT }),
    lint: () => lint(DEMO),
    'diff --current': () => diff(DEMO, { current: CURRENT }),
    check: () => check(DEMO),
    plan: () => plan(DEMO),
  };
  type Key = keyof typeof runs;
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, [] as number[]])) as Record<Key, number[]>;
  // Warm-up: loads modules and schemas and lets the JIT settle.
  for (const run of Object.values(runs)) await run();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [key, run] of Object.entries(runs) as Array<[Key, () => Promise<unknown>]>) {
      const t = performance.now();
      await run();
      times[key].push(performance.now() - t);
    }
  }
  for (const key of Object.keys(runs) as Key[])
    console.log(
      `${key.padEnd(16)} median ${median(times[key]).toFixed(1).padStart(7)} ms  (runs: ${times[key].map((x) => x.toFixed(0)).join(', ')})`,
    );
  const m = (key: Key): number => median(times[key]);
  console.log(
    `ratio check --current / (lint + diff --current): ${(m('check --current') / (m('lint') + m('diff --current'))).toFixed(2)}`,
  );
  console.log(`ratio check / (lint + plan):                     ${(m('check') / (m('lint') + m('plan'))).toFixed(2)}`);
}

await main();
