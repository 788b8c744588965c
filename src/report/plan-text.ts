import pc from 'picocolors';
import { plural } from '../model/plural.js';
import type { PlanResult } from '../commands/plan.js';
import { describeRef } from '../model/object-ref.js';
import { percent, planOverview } from './plan-overview.js';
import { formatText, type TextOptions } from './text.js';
import { formatBytes } from '../model/format-bytes.js';

/** Rows with aligned columns; the last column is not padded, so only it may carry colour. */
function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, c) => rows.reduce((max, r) => Math.max(max, r[c]!.length), 0));
  return rows.map((r) =>
    `${indent}${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd(),
  );
}

/**
 * The plan for people: each workload with its pods and nodes (unschedulable pods with the
 * scheduler's message), CronJob next runs, requested against allocatable per node, Services with
 * their endpoint counts, Ingress routes to endpoints, then the findings and the summary line.
 */
export function formatPlanText(result: PlanResult, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const overview = planOverview(result);
  const lines: string[] = [];
  const source = {
    default: 'the embedded default cluster',
    config: 'node groups of the configuration',
    files: '--cluster',
  }[result.clusterSource];
  const count = overview.nodes.length;
  lines.push(c.bold(`Plan at ${result.now} on ${plural(count, 'node')} (${source})`), '');

  lines.push(c.bold('Workloads'));
  if (overview.workloads.length === 0 && result.cronJobs.length === 0) lines.push('  (none)');
  for (const workload of overview.workloads) {
    lines.push(
      `  ${describeRef(workload.ref)}: ${workload.scheduled}/${workload.pods.length} pods scheduled${workload.wanted}`,
    );
    const rows = workload.pods.map((pod) => {
      if (pod.state === 'scheduled') return [pod.name, pod.node!, pod.ip ?? ''];
      if (pod.state === 'node-missing') return [pod.name, pod.node!, c.red('not in the cluster: Pending')];
      return [pod.name, c.red('unschedulable'), pod.message ?? 'Pending'];
    });
    if (rows.length) for (const line of table(rows, '    ')) lines.push(line);
  }
  for (const cron of result.cronJobs) {
    const when = cron.noRuns ?? (cron.suspended ? 'suspended' : `next runs ${cron.nextRuns.join(', ')}`);
    lines.push(`  ${describeRef(cron.cronJob)}: "${cron.schedule}" (${cron.timeZone}), ${when}`);
  }

  lines.push('', c.bold('Nodes (requested / allocatable)'));
  const rows = [['NODE', 'CPU', '', 'MEMORY', '', 'PODS']];
  for (const node of overview.nodes) {
    rows.push([
      node.name,
      `${node.cpu[0]}m / ${node.cpu[1]}m`,
      percent(...node.cpu),
      `${formatBytes(node.memory[0])} / ${formatBytes(node.memory[1])}`,
      percent(...node.memory),
      `${node.pods[0]} / ${node.pods[1]}`,
    ]);
  }
  for (const line of overview.nodes.length ? table(rows) : ['  (no nodes)']) lines.push(line);

  lines.push('', c.bold('Services'));
  const services = result.services.map((s) => {
    const endpoints = s.endpoints === undefined ? 'no selector (endpoints managed by hand)' : String(s.endpoints);
    return [
      `${s.service.namespace ?? ''}/${s.service.name}`,
      s.type,
      s.clusterIP ?? '',
      s.endpoints === 0 ? c.yellow(endpoints) : endpoints,
    ];
  });
  lines.push(
    ...(services.length ? table([['SERVICE', 'TYPE', 'CLUSTER-IP', 'ENDPOINTS'], ...services]) : ['  (none)']),
  );

  if (result.ingresses.length) {
    lines.push('', c.bold('Ingress routes'));
    for (const { ingress, routes } of result.ingresses) {
      if (routes.length === 0)
        lines.push(`  ${describeRef(ingress)}  no paths and no default backend: it routes nothing`);
      for (const route of routes) {
        const where = `  ${describeRef(ingress)}  ${route.host}${route.path || ' (default backend)'} → ${route.backend}`;
        if (route.service === undefined) {
          lines.push(`${where} (a resource backend: not followed)`);
          continue;
        }
        const target =
          route.problem === 'service-missing'
            ? c.red('Service not found')
            : route.problem === 'port-missing'
              ? c.red('no such Service port')
              : plural(route.endpoints, 'endpoint');
        const port = route.servicePort !== undefined ? ` (port ${route.servicePort})` : '';
        lines.push(
          `${where}${port} → ${route.endpoints === 0 && !route.problem?.endsWith('missing') ? c.yellow(target) : target}`,
        );
      }
    }
  }
  if (result.headroom) {
    lines.push(
      '',
      c.bold(`Headroom (more pods each workload could run; up to ${result.headroom[0]?.limit ?? 0} tried)`),
    );
    if (result.headroom.length === 0) lines.push('  (no workload with pods)');
    for (const h of result.headroom) {
      const room =
        h.message === undefined
          ? `at least ${plural(h.more, 'more pod')}`
          : `${plural(h.more, 'more pod')}; the next: ${h.message}`;
      lines.push(`  ${describeRef(h.workload)}: ${h.more === 0 ? c.yellow(room) : room}`);
    }
  }
  lines.push('');
  return `${lines.join('\n')}\n${formatText(result, options)}`;
}
