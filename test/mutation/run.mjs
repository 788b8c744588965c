#!/usr/bin/env node
// npm run mutation [group ...]: runs StrykerJS once per group of stryker.config.mjs (all groups
// by default), each group mutating one area and running only its tests, then prints the score
// of each group and of all together. Incremental: a second run tests only mutants whose code or
// tests changed. Reports: reports/mutation/<group>/index.html.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { GROUPS } from '../../stryker.config.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(GROUPS);
for (const name of names) {
  if (!GROUPS[name]) {
    console.error(`unknown mutation group ${name}: one of ${Object.keys(GROUPS).join(', ')}`);
    process.exit(2);
  }
}

for (const name of names) {
  console.log(`\n== mutation group ${name}: ${GROUPS[name].mutate.join(' ')}`);
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, KUBEPLAN_MUTATION_GROUP: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Counts per status of a group's last report; the score counts timeouts as killed, as StrykerJS does. */
function tally(name) {
  const file = `reports/mutation/${name}/mutation.json`;
  if (!existsSync(file)) return undefined;
  const counts = {};
  for (const f of Object.values(JSON.parse(readFileSync(file, 'utf8')).files))
    for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  return counts;
}

const rows = [];
const total = {};
for (const name of Object.keys(GROUPS)) {
  const counts = tally(name);
  if (!counts) continue;
  for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
  rows.push([name, counts]);
}
rows.push(['all', total]);
const n = (c, k) => c[k] ?? 0;
console.log('\ngroup      killed  timeout  survived  no-coverage  ignored  score');
for (const [name, c] of rows) {
  const detected = n(c, 'Killed') + n(c, 'Timeout');
  const valid = detected + n(c, 'Survived') + n(c, 'NoCoverage');
  const score = valid ? ((100 * detected) / valid).toFixed(2) : '-';
  console.log(
    `${name.padEnd(10)} ${String(n(c, 'Killed')).padStart(6)}  ${String(n(c, 'Timeout')).padStart(7)}  ${String(n(c, 'Survived')).padStart(8)}  ${String(n(c, 'NoCoverage')).padStart(11)}  ${String(n(c, 'Ignored')).padStart(7)}  ${score}%`,
  );
}
