/**
 * Plan benchmark (`npm run build && node lib/bench/plan-bench.js`): the whole `kubeplan plan`
 * pipeline (read and parse files, schema validation, the cluster file, controllers, scheduler,
 * EndpointSlices, findings, text and JSON output) on synthetic input: Deployments of 10 replicas,
 * each with a Service, an Ingress per namespace, a PodDisruptionBudget for every tenth app, on
 * nodes read from a `kubectl get nodes -o yaml`-style List. Prints, in one run, every stage of
 * each configuration side by side: 10,000 pods on 1,000 nodes, then growth with pods (1,000
 * nodes) and with nodes (10,000 pods). The scheduler is timed inside the pipeline and again alone
 * on the very inputs the pipeline gave it, so the two can be compared. A last column rolls a new
 * image out to every Deployment over `--current`, the state of a first plan written as a
 * `kubectl get -o yaml` List: the controllers then run many rounds. Not a test: nothing here
 * asserts a time. Times are CPU time of this process (`process.cpuUsage`), which other work on a
 * shared machine disturbs far less than wall-clock time; the whole pipeline is also given in
 * wall-clock time. BENCH_ROUNDS (default 1) runs each configuration more often and keeps the best.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { plan, type PlanStage } from '../src/commands/plan.js';
import { formatPlanJson } from '../src/report/plan-json.js';
import { formatPlanText } from '../src/report/plan-text.js';
import { schedule, type SchedulingInput, type SchedulingOutcome } from '../src/simulate/scheduler/index.js';
import { referenceLoop } from './scheduler/reference-loop.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

/** CPU time of this process in milliseconds (user + system, all its threads). */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
const REPLICAS = 10;
const NAMESPACES = 10;

type Obj = Record<string, unknown>;

/** Nodes as `kubectl get nodes -o yaml` lists them: three zones, an 8 vCPU / 32 GiB size. */
function nodeList(count: number): Obj {
  const items = Array.from({ length: count }, (_, i) => {
    const name = `node-${String(i).padStart(5, '0')}`;
    const zone = `zone-${'abc'[i % 3]}`;
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': zone },
      },
      spec: {},
      status: {
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '7910m', memory: '30310Mi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
  });
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
}

/** One app: a Deployment and its Service; every tenth also a PodDisruptionBudget. */
function app(d: number): Obj[] {
  const name = `app-${d}`;
  const namespace = `team-${d % NAMESPACES}`;
  const labels = { app: name };
  const objects: Obj[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'main',
                image: `registry.example.com/${name}:1.${d % 7}`,
                ports: [{ name: 'http', containerPort: 8080 }],
                readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
                resources: {
                  requests: { cpu: `${100 + (d % 3) * 50}m`, memory: `${128 * (1 + (d % 4))}Mi` },
                  limits: { memory: '1Gi' },
                },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
  ];
  if (d % 10 === 0)
    objects.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, namespace },
      spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
    });
  return objects;
}

/** An Ingress per namespace with a path to each of the namespace's apps. */
function ingress(namespace: number, apps: number): Obj {
  const paths = [];
  for (let d = namespace; d < apps; d += NAMESPACES) {
    paths.push({
      path: `/app-${d}`,
      pathType: 'Prefix',
      backend: { service: { name: `app-${d}`, port: { name: 'http' } } },
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'routes', namespace: `team-${namespace}` },
    spec: { rules: [{ host: `team-${namespace}.example.com`, http: { paths } }] },
  };
}

interface Input {
  dir: string;
  manifests: string;
  cluster: string;
  current?: string;
}

/** Writes the input files (100 apps a file) and returns the manifests directory and the nodes file. */
function writeInput(pods: number, nodes: number): Input {
  const dir = join(tmpdir(), `kubeplan-plan-bench-${pods}-${nodes}`);
  rmSync(dir, { recursive: true, force: true });
  const manifests = join(dir, 'manifests');
  mkdirSync(manifests, { recursive: true });
  const apps = Math.ceil(pods / REPLICAS);
  for (let first = 0; first < apps; first += 100) {
    const docs: Obj[] = [];
    for (let d = first; d < Math.min(apps, first + 100); d++) docs.push(...app(d));
    writeFileSync(
      join(manifests, `apps-${String(first).padStart(5, '0')}.yaml`),
      docs.map((doc) => stringify(doc)).join('---\n'),
    );
  }
  const namespaces = Array.from({ length: Math.min(NAMESPACES, apps) }, (_, n) => ingress(n, apps));
  writeFileSync(join(manifests, 'ingresses.yaml'), namespaces.map((doc) => stringify(doc)).join('---\n'));
  const cluster = join(dir, 'nodes.yaml');
  writeFileSync(cluster, stringify(nodeList(nodes)));
  return { dir, manifests, cluster };
}

/**
 * The input of a rollout: the plan of `input` as the current state (the objects of a first plan,
 * as `kubectl get -o yaml` lists them), and the same manifests with a new image tag everywhere.
 */
async function writeRollout(input: Input): Promise<Input> {
  const first = await plan([input.manifests], { cluster: [input.cluster] });
  const current = join(input.dir, 'current.yaml');
  const items = first.state.objects.filter((o) => o.kind !== 'Node');
  writeFileSync(
    current,
    stringify(
      { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items },
      { aliasDuplicateObjects: false },
    ),
  );
  const manifests = join(input.dir, 'next');
  mkdirSync(manifests, { recursive: true });
  for (const file of readdirSync(input.manifests)) {
    writeFileSync(
      join(manifests, file),
      readFileSync(join(input.manifests, file), 'utf8').replace(
        /(image: registry\.example\.com\/app-\d+):1\./g,
        '$1:2.',
      ),
    );
  }
  return { ...input, manifests, current };
}

/** The rows of the report, in pipeline order; the simulation's controller stages are summed into one row each. */
const ROWS = [
  'load',
  'validate',
  'cluster',
  'current',
  'admit',
  'controllers',
  'scheduling',
  'scheduler',
  'statuses',
  'endpoints',
  'findings',
  'sort',
  'text',
  'json',
] as const;
type Row = (typeof ROWS)[number];
const CONTROLLERS = new Set<PlanStage>([
  'autoscalers',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
]);

interface Measurement {
  stages: Record<Row, number>;
  /** CPU time of the whole pipeline, and its wall-clock time. */
  whole: number;
  wall: number;
  /** The scheduler again, alone, on the inputs the pipeline gave it. */
  alone: number;
  /** The same without the objects that turn on kube-scheduler's default topology spreading. */
  aloneWithoutDefaultSpreading: number;
  pods: number;
  bound: number;
  findings: number;
  /** Events, a measure of how much the controllers did. */
  events: number;
}

async function measure(
  pods: number,
  nodes: number,
  options: { rounds?: number; rollout?: boolean } = {},
): Promise<Measurement> {
  const written = writeInput(pods, nodes);
  const input = options.rollout ? await writeRollout(written) : written;
  let best: Measurement | undefined;
  for (let round = 0; round < (options.rounds ?? ROUNDS); round++) {
    const stages = Object.fromEntries(ROWS.map((r) => [r, 0])) as Record<Row, number>;
    const inputs: SchedulingInput[] = [];
    let current: Row | undefined;
    let since = cpu();
    const enter = (row: Row | undefined): void => {
      const now = cpu();
      if (current) stages[current] += now - since;
      current = row;
      since = now;
    };
    const onStage = (stage: PlanStage): void => {
      if (stage === 'done') enter(undefined);
      else enter(CONTROLLERS.has(stage) ? 'controllers' : (stage as Row));
    };
    // The scheduler's own time is taken out of the scheduling step around it.
    const timedSchedule = (scheduling: SchedulingInput): SchedulingOutcome[] => {
      inputs.push(scheduling);
      const t = cpu();
      const outcomes = schedule(scheduling);
      const spent = cpu() - t;
      stages.scheduler += spent;
      stages.scheduling -= spent;
      return outcomes;
    };
    const start = cpu();
    const wallStart = performance.now();
    const result = await plan([input.manifests], {
      cluster: [input.cluster],
      ...(input.current ? { current: [input.current] } : {}),
      schedule: timedSchedule,
      onStage,
    });
    let t = cpu();
    formatPlanText(result);
    stages.text = cpu() - t;
    t = cpu();
    formatPlanJson(result);
    stages.json = cpu() - t;
    const whole = cpu() - start;
    const wall = performance.now() - wallStart;

    t = cpu();
    for (const scheduling of inputs) schedule(scheduling);
    const alone = cpu() - t;
    t = cpu();
    for (const scheduling of inputs)
      schedule({ ...scheduling, services: [], replicaSets: [], statefulSets: [], replicationControllers: [] });
    const aloneWithoutDefaultSpreading = cpu() - t;

    const podObjects = result.state.objects.filter((o) => o.kind === 'Pod');
    const m: Measurement = {
      stages,
      whole,
      wall,
      alone,
      aloneWithoutDefaultSpreading,
      pods: podObjects.length,
      bound: podObjects.filter((o) => typeof (o.spec as Obj | undefined)?.nodeName === 'string').length,
      findings: result.findings.length,
      events: result.state.events.length,
    };
    if (!best || m.whole < best.whole) best = m;
  }
  rmSync(written.dir, { recursive: true, force: true });
  return best!;
}

function printTable(columns: Array<{ label: string; m: Measurement }>): void {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const rows: string[][] = [['', ...columns.map((c) => c.label)]];
  const labels: Record<Row, string> = {
    load: 'read + parse manifests',
    validate: 'schema validation',
    cluster: 'cluster file (--cluster)',
    current: 'current state (--current)',
    admit: 'defaults + admission',
    controllers: 'controllers (all rounds)',
    scheduling: 'scheduling step w/o scheduler',
    scheduler: 'scheduler (in the pipeline)',
    statuses: 'claims, statuses, unschedulable',
    endpoints: 'EndpointSlices + Ingress',
    findings: 'disruption budgets, CronJobs',
    sort: 'sorting the state',
    text: 'text output',
    json: 'JSON output',
  };
  for (const row of ROWS) rows.push([labels[row], ...columns.map((c) => ms(c.m.stages[row]))]);
  rows.push(['whole pipeline', ...columns.map((c) => ms(c.m.whole))]);
  rows.push(['  (wall clock)', ...columns.map((c) => ms(c.m.wall))]);
  rows.push(['whole without the scheduler', ...columns.map((c) => ms(c.m.whole - c.m.stages.scheduler))]);
  rows.push(['scheduler alone, same inputs', ...columns.map((c) => ms(c.m.alone))]);
  rows.push(['  without default spreading', ...columns.map((c) => ms(c.m.aloneWithoutDefaultSpreading))]);
  rows.push(['whole / scheduler alone', ...columns.map((c) => `×${(c.m.whole / c.m.alone).toFixed(2)}`)]);
  rows.push(['pods (bound) / findings', ...columns.map((c) => `${c.m.pods} (${c.m.bound}) / ${c.m.findings}`)]);
  rows.push(['events', ...columns.map((c) => String(c.m.events))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`,
  );
  // Warm-up so the JIT has compiled the hot paths before anything is timed.
  await measure(1000, 100);
  const columns = [{ label: '10k pods × 1000 nodes', m: await measure(10000, 1000, { rounds: ROUNDS + 1 }) }];
  for (const [pods, nodes] of [
    [2500, 1000],
    [5000, 1000],
    [10000, 250],
    [10000, 500],
  ] as const)
    columns.push({ label: `${pods / 1000}k pods × ${nodes} nodes`, m: await measure(pods, nodes) });
  columns.push({ label: 'rollout 2k pods × 200 nodes', m: await measure(2000, 200, { rollout: true }) });
  console.log(
    'CPU time per stage. The first column is the headline (best of two); then growth with pods (at 1,000 nodes) and with',
  );
  console.log('nodes (at 10,000 pods); last, a new image for every Deployment over --current.');
  printTable(columns);
  console.log(
    `reference loop (10M typed-array steps): ${referenceLoop().toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(2)}`,
  );
}

await main();
