/**
 * `npm run bench:realworld`: lints the real-world corpus (manifests of public projects, kept outside
 * the repository in ../shared/corpora/realworld, or $KUBEPLAN_REALWORLD) and prints what a team
 * adopting kubeplan would meet there:
 *
 * - unit by unit, as `kubeplan lint DIR --crd ... --profile all` on one directory's own files with
 *   the CRDs `units.tsv` names for it: errors and warnings per rule, and the warnings per workload
 *   of each profile (the findings of the rules it holds);
 * - the whole corpus in one run with every CRD, beside a bare `yaml` parse of the same files, each in
 *   a child process of its own so its time and peak memory are its alone, alternated so machine
 *   noise hits both alike.
 *
 * `REALWORLD_SHOW=<rule id>[,<rule id>]` also lists those rules' findings (file:line:col message),
 * to judge them true or false; `REALWORLD_OUT=<file>` writes every unit finding as sorted JSON lines,
 * to compare two versions of kubeplan finding by finding. Run from the repository's root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { BUILTIN_RULES, type Finding, lint, RULE_PROFILES, type RuleProfile } from '../src/index.js';
import { profileIncludes } from '../src/lint/rule-profiles.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);
const MANIFEST_FILE = /\.(ya?ml|json)$/;

interface Unit {
  dir: string;
  crds: string[];
}

function corpusRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return resolve(process.env.KUBEPLAN_REALWORLD ?? join(here, '..', '..', '..', 'shared', 'corpora', 'realworld'));
}

/** units.tsv: a directory, a tab, the CRD files its custom resources need (space-separated). */
function readUnits(root: string): Unit[] {
  return readFileSync(join(root, 'units.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [dir = '', crds = ''] = line.split('\t');
      return {
        dir: join(root, dir),
        crds: crds
          .split(' ')
          .filter(Boolean)
          .map((c) => join(root, c)),
      };
    });
}

/** A directory's own manifest files, as `kubectl apply -f DIR` reads them (not its subdirectories). */
function ownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => MANIFEST_FILE.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => MANIFEST_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function table(counts: Map<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => `  ${String(n).padStart(6)}  ${key}`)
    .join('\n');
}

const RULE_PROFILE = new Map(BUILTIN_RULES.map((r) => [r.meta.id, r.meta.profile]));

/** The smallest profile that reports a finding: its rule's, or `default` for the built-in checks. */
function profileOf(ruleId: string): RuleProfile {
  return RULE_PROFILE.get(ruleId) ?? 'default';
}

async function lintUnits(root: string, units: readonly Unit[]): Promise<void> {
  const counts = { error: new Map<string, number>(), warning: new Map<string, number>() };
  const warningsByProfile = new Map<RuleProfile, number>(RULE_PROFILES.map((p) => [p, 0]));
  const shown = new Set((process.env.REALWORLD_SHOW ?? '').split(',').filter(Boolean));
  const out: string[] = [];
  let files = 0;
  let objects = 0;
  let workloads = 0;
  const start = performance.now();
  for (const unit of units) {
    const paths = ownFiles(unit.dir);
    files += paths.length;
    // Every rule runs; each profile's figures are the findings of the rules it holds.
    const result = await lint(paths, { crds: unit.crds, profile: 'all' });
    objects += result.manifests.length;
    workloads += result.manifests.filter((m) => WORKLOAD_KINDS.has(m.ref.kind)).length;
    for (const finding of result.findings) {
      const profile = profileOf(finding.ruleId);
      const label = profile === 'default' ? finding.ruleId : `${finding.ruleId} (${profile})`;
      if (finding.severity === 'error' || finding.severity === 'warning') increment(counts[finding.severity], label);
      if (finding.severity === 'warning')
        for (const p of RULE_PROFILES) if (profileIncludes(p, profile)) increment(warningsByProfile, p);
      const where = `${finding.file.slice(root.length + 1)}:${finding.line}:${finding.column}`;
      if (shown.has(finding.ruleId)) console.log(`${finding.severity} ${finding.ruleId} ${where} ${finding.message}`);
      out.push(JSON.stringify(brief(finding, where)));
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`\nunit by unit: ${units.length} units, ${files} files, ${objects} objects, ${workloads} workloads`);
  console.log(`time ${seconds.toFixed(1)} s (every rule)`);
  for (const severity of ['error', 'warning'] as const) {
    const total = [...counts[severity].values()].reduce((a, b) => a + b, 0);
    console.log(`${severity}s of every rule (a rule outside the default profile names its own): ${total}`);
    console.log(table(counts[severity]));
  }
  for (const [profile, n] of warningsByProfile)
    console.log(`profile ${profile}: ${n} warnings, ${(n / Math.max(1, workloads)).toFixed(2)} per workload`);
  if (process.env.REALWORLD_OUT) {
    writeFileSync(process.env.REALWORLD_OUT, `${out.sort().join('\n')}\n`);
    console.log(`findings written to ${process.env.REALWORLD_OUT}`);
  }
}

function brief(finding: Finding, where: string): Record<string, unknown> {
  return { where, severity: finding.severity, ruleId: finding.ruleId, message: finding.message };
}

/** One measured run in a child process: `--child lint|parse <root>` prints `ms maxRssKiB`. */
async function child(mode: string, root: string): Promise<void> {
  const files = allFiles(join(root, 'corpus'));
  const start = performance.now();
  if (mode === 'parse') {
    // The same bytes lint reads: the manifests and every CRD.
    for (const file of [...files, ...allFiles(join(root, 'crds'))]) parseAllDocuments(readFileSync(file, 'utf8'));
  } else {
    await lint(files, { crds: [join(root, 'crds')], profile: 'all' });
  }
  console.log(`${(performance.now() - start).toFixed(0)} ${process.resourceUsage().maxRSS}`);
}

function measure(mode: string, root: string): { ms: number; rssMiB: number } {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [script, '--child', mode, root], { encoding: 'utf8' });
  const [ms = 'NaN', rss = 'NaN'] = run.stdout.trim().split(' ');
  if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
  return { ms: Number(ms), rssMiB: Number(rss) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function oneRun(root: string): void {
  const runs: Record<string, Array<{ ms: number; rssMiB: number }>> = { parse: [], lint: [] };
  for (let round = 0; round < ROUNDS; round++)
    for (const mode of Object.keys(runs)) runs[mode]!.push(measure(mode, root));
  console.log(`\nwhole corpus in one run (every CRD), ${ROUNDS} rounds, medians:`);
  for (const [mode, values] of Object.entries(runs)) {
    const ms = median(values.map((v) => v.ms)).toFixed(0);
    const rss = median(values.map((v) => v.rssMiB)).toFixed(0);
    console.log(
      `  ${mode.padEnd(6)} ${ms.padStart(7)} ms  peak ${rss} MiB  (runs: ${values.map((v) => v.ms).join(', ')} ms)`,
    );
  }
  const ratio = median(runs.lint!.map((v) => v.ms)) / median(runs.parse!.map((v) => v.ms));
  console.log(`  ratio lint / bare parse: ${ratio.toFixed(2)}`);
}

async function main(): Promise<void> {
  const [flag, mode, childRoot] = process.argv.slice(2);
  if (flag === '--child') return child(mode ?? 'lint', childRoot ?? corpusRoot());
  const root = corpusRoot();
  if (!existsSync(join(root, 'units.tsv'))) {
    console.log(`skipped: no real-world corpus at ${root} (set KUBEPLAN_REALWORLD to its folder)`);
    return;
  }
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  console.log(`corpus: ${root}`);
  await lintUnits(root, readUnits(root));
  if (process.env.REALWORLD_ONE_RUN !== '0') oneRun(root);
}

await main();
