import type { CheckResult } from '../commands/check.js';
import type { PlanResult } from '../commands/plan.js';
import { describeRef } from '../model/object-ref.js';
import { IGNORE_ANNOTATION } from '../lint/suppression.js';
import { plural, severityCounts } from '../model/plural.js';
import { inline as cell, markdownReport } from './diff-markdown.js';
import { changeSummary } from './diff-text.js';
import { percent, planOverview } from './plan-overview.js';
import { formatBytes } from '../model/format-bytes.js';

/** The plan in a few lines: pods per workload, what cannot be scheduled and why, how full the nodes get. */
function planSection(result: PlanResult): string {
  const overview = planOverview(result);
  const source = {
    default: 'the embedded default cluster',
    config: 'the node groups of the configuration',
    files: 'the --cluster nodes',
  }[result.clusterSource];
  const out = [`#### Plan on ${plural(overview.nodes.length, 'node')} (${source})`, ''];
  if (overview.workloads.length) {
    out.push('| workload | pods scheduled | why not |', '|---|---|---|');
    for (const w of overview.workloads) {
      const pending = w.pods.find((p) => p.state !== 'scheduled');
      const why = !pending
        ? ''
        : pending.state === 'node-missing'
          ? `bound to node ${pending.node}, which the cluster does not have`
          : (pending.message ?? '');
      out.push(`| ${cell(describeRef(w.ref))} | ${w.scheduled}/${w.pods.length}${w.wanted} | ${cell(why)} |`);
    }
    out.push('');
  }
  const total = (pick: (n: (typeof overview.nodes)[number]) => [number, number]): [number, number] =>
    overview.nodes.reduce<[number, number]>((sum, n) => [sum[0] + pick(n)[0], sum[1] + pick(n)[1]], [0, 0]);
  const cpu = total((n) => n.cpu);
  const memory = total((n) => n.memory);
  const pods = total((n) => n.pods);
  out.push(
    `Requested: CPU ${cpu[0]}m of ${cpu[1]}m (${percent(...cpu)}), memory ${formatBytes(memory[0])} of ${formatBytes(memory[1])} (${percent(...memory)}), ${pods[0]} of ${pods[1]} pods.`,
  );
  const empty = result.services.filter((s) => s.endpoints === 0);
  if (empty.length)
    out.push(
      '',
      `Services without endpoints: ${empty.map((s) => `${s.service.namespace ?? ''}/${s.service.name}`).join(', ')}.`,
    );
  return out.join('\n');
}

/**
 * `kubeplan check --format markdown`, the pull-request comment: the counts, then what changes
 * and what the cluster does about it (with a current state) or the plan (without), then the
 * findings by severity and the diffs, within GitHub's comment limit.
 */
export function formatCheckMarkdown(result: CheckResult): string {
  const s = result.summary;
  const counts = `${severityCounts(s)} (${s.files} files, ${s.objects} objects)`;
  const suppressed = s.suppressed
    ? [`${plural(s.suppressed, 'finding')} suppressed by ${IGNORE_ANNOTATION} annotations`]
    : [];
  const changes = result.diff ? [changeSummary(result.diff.summary)] : [];
  return markdownReport({
    title: 'kubeplan check',
    headline: [counts, ...suppressed, ...changes],
    ...(result.diff ? { diff: result.diff } : {}),
    ...(result.plan ? { sections: [planSection(result.plan)] } : {}),
    findings: result.findings,
  });
}
