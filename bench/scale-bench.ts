/**
 * `npm run build && node lib/bench/scale-bench.js`: how kubeplan scales with the size of the
 * input (docs/performance.md). Each measurement runs in its own process, so that its peak memory
 * (max RSS) is its own:
 * - `check` of N Deployments with a Service each, against a current state of the same objects
 *   with every tenth Deployment on another image (default N = 20,000; the goal is under 15 s and
 *   2 GB on a 2-core machine);
 * - `lint` and `plan` of 1,000 to SCALE_MAX (default 100,000) objects, and their time per object,
 *   which should stay the same (within 1.5x) as the input grows.
 * `SCALE_CHECK` sets N; `SCALE_MAX` the largest lint/plan size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, lint, plan } from '../src/index.js';

const PER_FILE = 500;

/** A Deployment and its Service, the i-th of the input; `image` differs on the changed side. */
function pair(i: number, image: string): string {
  const name = `app-${i}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ns-${i % 50}, labels: {app: ${name}}}
spec:
  replicas: 1
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: app
          image: ${image}
          ports: [{containerPort: 8080}]
          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ns-${i % 50}}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
`;
}

/** `objects` objects (Deployments and Services, half each) in files of PER_FILE pairs. */
function writeInput(dir: string, objects: number, changed: boolean): void {
  mkdirSync(dir, { recursive: true });
  const pairs = Math.ceil(objects / 2);
  for (let start = 0; start < pairs; start += PER_FILE) {
    const docs: string[] = [];
    for (let i = start; i < Math.min(pairs, start + PER_FILE); i++)
      docs.push(pair(i, changed && i % 10 === 0 ? 'registry.example.com/app:1.0.0' : 'registry.example.com/app:1.1.0'));
    writeFileSync(join(dir, `part-${String(start / PER_FILE).padStart(4, '0')}.yaml`), docs.join('---\n'));
  }
}

/** One measurement, in this process: prints `{ms, rssMiB, findings}` as JSON. */
async function child(command: string, objects: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplan-scale-'));
  try {
    writeInput(join(dir, 'desired'), objects, false);
    if (command === 'check') writeInput(join(dir, 'current'), objects, true);
    const inputs = [join(dir, 'desired')];
    const start = performance.now();
    const result =
      command === 'check'
        ? await check(inputs, { current: [join(dir, 'current')] })
        : command === 'plan'
          ? await plan(inputs)
          : await lint(inputs);
    const ms = performance.now() - start;
    const rssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ms, rssMiB, findings: result.findings.length }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(command: string, objects: number): { ms: number; rssMiB: number; findings: number } {
  const out = execFileSync(
    process.execPath,
    ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', command, String(objects)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; rssMiB: number; findings: number };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, Number(process.argv[4]));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  const checked = Number(process.env.SCALE_CHECK ?? 20_000);
  const c = measure('check', checked * 2);
  console.log(
    `check, ${checked} Deployments and their Services against a current state with 10% changed: ${(c.ms / 1000).toFixed(1)} s, peak ${c.rssMiB.toFixed(0)} MiB (goal: 15 s, 2 GB)`,
  );
  const max = Number(process.env.SCALE_MAX ?? 100_000);
  for (const command of ['lint', 'plan']) {
    const rows: string[] = [];
    let first: number | undefined;
    for (let objects = 1_000; objects <= max; objects *= 10) {
      const m = measure(command, objects);
      const perObject = m.ms / objects;
      first ??= perObject;
      rows.push(
        `${objects} objects ${(m.ms / 1000).toFixed(1)} s, ${(perObject * 1000).toFixed(0)} µs/object (${(perObject / first).toFixed(2)}x), peak ${m.rssMiB.toFixed(0)} MiB`,
      );
    }
    console.log(`${command}: ${rows.join('; ')}`);
  }
}

await main();
