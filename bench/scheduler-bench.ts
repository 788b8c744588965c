/**
 * Scheduler benchmark (`npm run build && node lib/bench/scheduler-bench.js`): schedules synthetic
 * workloads onto synthetic clusters (each node already running three low-priority pods), in two
 * cases measured side by side in one run, round after round alternately:
 *
 * - plain: pods with no owner and no Service, so kube-scheduler's default topology spreading
 *   never applies (the figures of earlier runs);
 * - realistic: the same pods owned by ReplicaSets and selected by Services, as the deployment
 *   controller creates them: every pod without its own constraints gets default spreading.
 *
 * It reports the 10,000 pods × 1,000 nodes case and how time grows with pods (at 1,000 nodes) and
 * with nodes (at 10,000 pods), best of a few rounds, in wall-clock and CPU time (user + system of
 * the whole process, garbage collection threads included), and the ratio of the two cases. Not a
 * test: nothing here asserts a time.
 */
import { cpus, loadavg } from 'node:os';
import { schedule, type SchedulingInput } from '../src/simulate/scheduler/index.js';
import { referenceLoop } from './scheduler/reference-loop.js';
import { makeBoundPods, makeNodes, makeOwnedWorkload, makePods } from './scheduler/synthetic.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Measure {
  /** Best wall-clock time of the rounds. */
  ms: number;
  /** Best CPU time (user + system) of the rounds: less sensitive to other processes on the machine. */
  cpuMs: number;
  bound: number;
  unschedulable: number;
  preempting: number;
}

interface Pair {
  plain: Measure;
  realistic: Measure;
}

function inputs(nodes: number, pods: number): { plain: SchedulingInput; realistic: SchedulingInput } {
  const n = makeNodes(nodes);
  const running = makeBoundPods(n);
  const owned = makeOwnedWorkload(pods);
  return {
    plain: { nodes: n, boundPods: running, pendingPods: makePods(pods) },
    realistic: {
      nodes: n,
      boundPods: running,
      pendingPods: owned.pods,
      replicaSets: owned.replicaSets,
      services: owned.services,
    },
  };
}

function run(input: SchedulingInput, best: Measure | undefined): Measure {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const outcomes = schedule(input);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return {
    ms: Math.min(ms, best?.ms ?? ms),
    cpuMs: Math.min(cpuMs, best?.cpuMs ?? cpuMs),
    bound: outcomes.filter((o) => o.nodeName).length,
    unschedulable: outcomes.filter((o) => o.message).length,
    preempting: outcomes.filter((o) => o.preemption).length,
  };
}

/** Both cases, alternately, so that both see the same state of a shared machine. */
function measure(nodes: number, pods: number): Pair {
  const input = inputs(nodes, pods);
  let plain: Measure | undefined;
  let realistic: Measure | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    plain = run(input.plain, plain);
    realistic = run(input.realistic, realistic);
  }
  return { plain: plain!, realistic: realistic! };
}

function times(r: Measure, base?: Measure): string {
  const growth = base ? ` ×${(r.cpuMs / base.cpuMs).toFixed(2)}` : '';
  return `${r.ms.toFixed(0).padStart(6)} ms wall ${r.cpuMs.toFixed(0).padStart(6)} ms cpu${growth.padEnd(6)}`;
}

function line(label: string, r: Pair, base?: Pair): string {
  const ratio = `×${(r.realistic.cpuMs / r.plain.cpuMs).toFixed(2)} cpu, ×${(r.realistic.ms / r.plain.ms).toFixed(2)} wall`;
  return `${label.padEnd(28)} ${times(r.plain, base?.plain)}   ${times(r.realistic, base?.realistic)}   ${ratio}`;
}

function counts(label: string, r: Measure): string {
  return `  ${label}: bound ${r.bound}, unschedulable ${r.unschedulable}, preempting ${r.preempting}`;
}

function main(): void {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  // Warm-up so the JIT has compiled the hot paths before anything is timed.
  measure(500, 5000);

  console.log(`best of ${ROUNDS}; growth (×) in CPU time from the first row of its group`);
  console.log(
    `${''.padEnd(28)} ${'plain (no default spreading)'.padEnd(40)}   ${'realistic (ReplicaSets + Services)'.padEnd(40)}   realistic / plain`,
  );
  console.log('growth with pods (1,000 nodes):');
  const byPods = [2500, 5000, 10000].map((pods) => ({ pods, r: measure(1000, pods) }));
  for (const { pods, r } of byPods) console.log(line(`  ${pods} pods`, r, byPods[0]!.r));

  console.log('growth with nodes (10,000 pods):');
  const byNodes = [250, 500, 1000].map((nodes) => ({ nodes, r: measure(nodes, 10000) }));
  for (const { nodes, r } of byNodes) console.log(line(`  ${nodes} nodes`, r, byNodes[0]!.r));

  const headline = measure(1000, 10000);
  console.log(line('10,000 pods × 1,000 nodes', headline));
  console.log(counts('plain', headline.plain));
  console.log(counts('realistic', headline.realistic));
  console.log(
    `reference loop (10M typed-array steps): ${referenceLoop().toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(2)}`,
  );
}

main();
