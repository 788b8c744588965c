import pc from 'picocolors';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { PlanResult } from '../commands/plan.js';
import type { KubeObject } from '../model/manifest.js';
import { describeRef } from '../model/object-ref.js';
import { nodeAllocatable, podRequests } from '../simulate/scheduler/resources.js';
import { pushTo } from '../simulate/objects/multimap.js';
import { nodeNameOf } from '../simulate/objects/pod-status.js';
import { controllerUidOf, nameOf, refOf, uidOf } from '../simulate/state.js';
import { formatText, type TextOptions } from './text.js';

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet', 'Pod'];

/** `4 GiB`-style memory for tables: binary units, one decimal. */
function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(1)}${units[i]}`;
}

function percent(used: number, total: number): string {
  return total > 0 ? `${Math.round((used * 100) / total)}%` : '-';
}

/** How many pods the workload asks for: replicas, or a Job's first wave. */
function wanted(workload: KubeObject): string {
  const spec = (workload.spec ?? {}) as { replicas?: unknown; parallelism?: unknown; completions?: unknown; suspend?: unknown };
  if (workload.kind === 'Job') {
    if (spec.suspend === true) return ', suspended';
    const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
    return ` of ${typeof spec.completions === 'number' ? Math.min(parallelism, spec.completions) : parallelism} wanted`;
  }
  return typeof spec.replicas === 'number' ? ` of ${spec.replicas} wanted` : '';
}

/** Rows with aligned columns; the last column is not padded, so only it may carry colour. */
function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `${indent}${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd());
}

/**
 * The plan for people: each workload with its pods and nodes (unschedulable pods with the
 * scheduler's message), CronJob next runs, requested against allocatable per node, Services with
 * their endpoint counts, Ingress routes to endpoints, then the findings and the summary line.
 */
export function formatPlanText(result: PlanResult, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const objects = result.state.objects;
  const byUid = new Map(objects.map((o) => [uidOf(o), o]));
  const pods = objects.filter((o) => o.kind === 'Pod');
  const nodes = objects.filter((o) => o.kind === 'Node');
  const lines: string[] = [];
  const source = { default: 'the embedded default cluster', config: 'node groups of the configuration', files: '--cluster' }[result.clusterSource];
  lines.push(c.bold(`Plan at ${result.now} on ${nodes.length} node${nodes.length === 1 ? '' : 's'} (${source})`), '');

  // A pod belongs to the workload at the top of its owner chain.
  const topOf = (pod: KubeObject): KubeObject => {
    let current = pod;
    for (let i = 0; i < 5; i++) {
      const owner = byUid.get(controllerUidOf(current));
      if (!owner) break;
      current = owner;
    }
    return current;
  };
  const podsByWorkload = new Map<KubeObject, KubeObject[]>();
  const podsByNode = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    pushTo(podsByWorkload, topOf(pod), pod);
    const node = nodeNameOf(pod);
    if (node !== undefined) pushTo(podsByNode, node, pod);
  }
  // A pod bound to a node the cluster lacks runs nowhere (finding node-missing).
  const nodeNames = new Set(nodes.map(nameOf));
  const where = (pod: KubeObject): string | undefined => {
    const node = nodeNameOf(pod);
    return node !== undefined && nodeNames.has(node) ? node : undefined;
  };
  const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(String(o.kind)) && (o.kind !== 'ReplicaSet' || !byUid.has(controllerUidOf(o))) && (o.kind !== 'Pod' || topOf(o) === o));
  lines.push(c.bold('Workloads'));
  if (workloads.length === 0) lines.push('  (none)');
  for (const workload of workloads) {
    const own = podsByWorkload.get(workload) ?? [];
    lines.push(`  ${describeRef(refOf(workload))}: ${own.filter((p) => where(p) !== undefined).length}/${own.length} pods scheduled${wanted(workload)}`);
    const rows = own.map((pod) => {
      const node = nodeNameOf(pod);
      if (where(pod) !== undefined) return [nameOf(pod), node!, (pod.status as { podIP?: string } | undefined)?.podIP ?? ''];
      if (node !== undefined) return [nameOf(pod), node, c.red('not in the cluster: Pending')];
      return [nameOf(pod), c.red('unschedulable'), result.unschedulable.get(uidOf(pod)) ?? 'Pending'];
    });
    if (rows.length) lines.push(...table(rows, '    '));
  }
  for (const cron of result.cronJobs) {
    const when = cron.suspended ? 'suspended' : `next runs ${cron.nextRuns.join(', ')}`;
    lines.push(`  ${describeRef(cron.cronJob)}: "${cron.schedule}" (${cron.timeZone}), ${when}`);
  }

  lines.push('', c.bold('Nodes (requested / allocatable)'));
  const rows = [['NODE', 'CPU', '', 'MEMORY', '', 'PODS']];
  for (const node of nodes) {
    const allocatable = nodeAllocatable(node as unknown as INode);
    const here = podsByNode.get(nameOf(node)) ?? [];
    let cpu = 0;
    let memory = 0;
    for (const pod of here) {
      const requests = podRequests(pod as unknown as IPod).requests;
      cpu += requests.get('cpu') ?? 0;
      memory += requests.get('memory') ?? 0;
    }
    const cpuTotal = allocatable.resources.get('cpu') ?? 0;
    const memoryTotal = allocatable.resources.get('memory') ?? 0;
    rows.push([
      nameOf(node),
      `${cpu}m / ${cpuTotal}m`,
      percent(cpu, cpuTotal),
      `${formatBytes(memory)} / ${formatBytes(memoryTotal)}`,
      percent(memory, memoryTotal),
      `${here.length} / ${allocatable.pods}`,
    ]);
  }
  lines.push(...(nodes.length ? table(rows) : ['  (no nodes)']));

  lines.push('', c.bold('Services'));
  const services = result.services.map((s) => {
    const endpoints = s.endpoints === undefined ? 'no selector (endpoints managed by hand)' : String(s.endpoints);
    return [`${s.service.namespace ?? ''}/${s.service.name}`, s.type, s.clusterIP ?? '', s.endpoints === 0 ? c.yellow(endpoints) : endpoints];
  });
  lines.push(...(services.length ? table([['SERVICE', 'TYPE', 'CLUSTER-IP', 'ENDPOINTS'], ...services]) : ['  (none)']));

  if (result.ingresses.length) {
    lines.push('', c.bold('Ingress routes'));
    for (const { ingress, routes } of result.ingresses) {
      if (routes.length === 0) lines.push(`  ${describeRef(ingress)}  no paths and no default backend: it routes nothing`);
      for (const route of routes) {
        const where = `  ${describeRef(ingress)}  ${route.host}${route.path || ' (default backend)'} → ${route.backend}`;
        if (route.service === undefined) {
          lines.push(`${where} (a resource backend: not followed)`);
          continue;
        }
        const target = route.problem === 'service-missing' ? c.red('Service not found') : route.problem === 'port-missing' ? c.red('no such Service port') : `${route.endpoints} endpoint${route.endpoints === 1 ? '' : 's'}`;
        const port = route.servicePort !== undefined ? ` (port ${route.servicePort})` : '';
        lines.push(`${where}${port} → ${route.endpoints === 0 && !route.problem?.endsWith('missing') ? c.yellow(target) : target}`);
      }
    }
  }
  lines.push('');
  return `${lines.join('\n')}\n${formatText(result, options)}`;
}

