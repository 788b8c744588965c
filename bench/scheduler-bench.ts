/**
 * Scheduler benchmark (`npm run build && node lib/bench/scheduler-bench.js`): schedules synthetic
 * workloads onto synthetic clusters (each node already running three low-priority pods) and reports
 * the time of the 10,000 pods × 1,000 nodes case and how time grows with pods (at 1,000 nodes) and
 * with nodes (at 10,000 pods), measured side by side in one run, best of a few rounds. Not a test:
 * nothing here asserts a time.
 */
import { cpus, loadavg } from 'node:os';
import { schedule } from '../src/simulate/scheduler/index.js';
import { referenceLoop } from './scheduler/reference-loop.js';
import { makeBoundPods, makeNodes, makePods } from './scheduler/synthetic.js';

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

function measure(nodes: number, pods: number): Measure {
  const n = makeNodes(nodes);
  const running = makeBoundPods(n);
  const p = makePods(pods);
  let best = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let bound = 0;
  let unschedulable = 0;
  let preempting = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    const outcomes = schedule({ nodes: n, boundPods: running, pendingPods: p });
    best = Math.min(best, performance.now() - t);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    bound = outcomes.filter((o) => o.nodeName).length;
    unschedulable = outcomes.filter((o) => o.message).length;
    preempting = outcomes.filter((o) => o.preemption).length;
  }
  return { ms: best, cpuMs: bestCpu, bound, unschedulable, preempting };
}

function line(label: string, r: Measure, base?: Measure): string {
  const ratio = base ? `  ×${(r.ms / base.ms).toFixed(2)} (cpu ×${(r.cpuMs / base.cpuMs).toFixed(2)})` : '';
  return `${label.padEnd(28)} ${r.ms.toFixed(0).padStart(6)} ms wall, ${r.cpuMs.toFixed(0).padStart(6)} ms cpu${ratio}  bound ${r.bound}, unschedulable ${r.unschedulable}, preempting ${r.preempting}`;
}

function main(): void {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`);
  // Warm-up so the JIT has compiled the hot paths before anything is timed.
  measure(500, 5000);

  console.log('growth with pods (1,000 nodes):');
  const byPods = [2500, 5000, 10000].map((pods) => ({ pods, r: measure(1000, pods) }));
  for (const { pods, r } of byPods) console.log(line(`  ${pods} pods`, r, byPods[0]!.r));

  console.log('growth with nodes (10,000 pods):');
  const byNodes = [250, 500, 1000].map((nodes) => ({ nodes, r: measure(nodes, 10000) }));
  for (const { nodes, r } of byNodes) console.log(line(`  ${nodes} nodes`, r, byNodes[0]!.r));
  const headline = measure(1000, 10000);
  console.log(line('10,000 pods × 1,000 nodes', headline));
  console.log(`reference loop (10M typed-array steps): ${referenceLoop().toFixed(0)} ms`);
}

main();
