/**
 * Compares kubeplan's scheduling outcome for one pod with the oracle's answer (kube-scheduler
 * v1.36, test/oracle/schedule.go): the node chosen, each node's rejecting plugin and reasons, the
 * weighted score of every plugin on every feasible node, the FailedScheduling message byte for
 * byte, and the preemption (node and victims). A difference is either one of the deliberate
 * differences in scheduling.differences.ts (by id) or a problem that fails the test.
 */
import type { SchedulingOutcome } from '../../src/simulate/scheduler/index.js';
import { DRA_POSTFILTER_WORDING, TAINT_REASON_WORDING, TIE_BREAK } from './scheduling.differences.js';

export interface OracleSchedule {
  rejected: Record<string, { plugin?: string; code: string; reasons?: string[] }>;
  feasible: string[];
  scores?: Record<string, { total: number; plugins: Record<string, number> }>;
  chosen: string[];
  message?: string;
  nominatedNode?: string;
  victims?: string[];
  preemptions?: Array<{ node: string; victims: string[] }>;
}

export interface Comparison {
  problems: string[];
  /** Ids of the deliberate differences the case shows. */
  differences: Set<string>;
}

const TAINT_REASON = /^node\(s\) had untolerated taint \{.*\}$/;
const TAINT_REASON_V136 = 'node(s) had untolerated taint(s)';

/** kubeplan's reason in v1.36's words, when the taint wording is the only difference. */
function reasonInV136(reason: string): string {
  return TAINT_REASON.test(reason) ? TAINT_REASON_V136 : reason;
}

/**
 * Rewrites each "0/N nodes are available: <count> <reason>, ..." histogram of a message with the
 * v1.36 taint wording: reasons that become one add up, and the parts are sorted again. A histogram
 * ends at the first period followed by a space or the end (reasons hold periods: example.com/gpu).
 */
function histogramsInV136(message: string): string {
  return message.replace(/(0\/\d+ nodes are available: )(.*?)\.(?= |$)/g, (whole, head: string, body: string) => {
    const parts = body.split(', ').map((part) => /^(\d+) (.*)$/.exec(part));
    if (parts.some((p) => !p)) return whole;
    const counts = new Map<string, number>();
    for (const p of parts) {
      const reason = reasonInV136(p![2]!);
      counts.set(reason, (counts.get(reason) ?? 0) + Number(p![1]));
    }
    const sorted = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
    return `${head}${sorted.join(', ')}.`;
  });
}

/** v1.34+'s DynamicResources PostFilter text before kubeplan's preemption part. */
function withDraPostFilter(message: string): string {
  return message.replace(/ preemption: /, ' no new claims to deallocate, preemption: ');
}

/**
 * Whether kubeplan's message is the oracle's, exactly or after the documented rewrites; the ids of
 * the rewrites needed are added to `differences`.
 */
function sameMessage(ours: string | undefined, theirs: string | undefined, differences: Set<string>): boolean {
  if (ours === theirs) return true;
  if (ours === undefined || theirs === undefined) return false;
  const taints = histogramsInV136(ours);
  const dra = withDraPostFilter(taints);
  if (dra !== theirs) return false;
  if (taints !== ours) differences.add(TAINT_REASON_WORDING.id);
  if (dra !== taints) differences.add(DRA_POSTFILTER_WORDING.id);
  return true;
}

const podName = (p: { metadata?: { namespace?: string; name?: string } }) =>
  `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`;

export function compare(ours: SchedulingOutcome, theirs: OracleSchedule): Comparison {
  const problems: string[] = [];
  const differences = new Set<string>();

  // Per node: the rejecting plugin and its reasons.
  for (const v of ours.verdicts) {
    const rejected = theirs.rejected[v.node];
    if (!rejected) {
      if (v.plugin)
        problems.push(
          `${v.node}: kubeplan rejects it (${v.plugin}: ${v.reasons.join('; ')}), the oracle finds it feasible`,
        );
      continue;
    }
    // A status without a plugin (the scheduler's own "node(s) didn't satisfy plugin(s) [...]" for
    // the nodes a PreFilter result leaves out): kubeplan names the plugin, so only the reasons compare.
    const plugin = rejected.plugin ?? v.plugin;
    const expected = `${plugin}: ${(rejected.reasons ?? []).join('; ')}`;
    if (!v.plugin) {
      problems.push(`${v.node}: kubeplan finds it feasible, the oracle rejects it (${expected})`);
      continue;
    }
    const actual = `${v.plugin}: ${v.reasons.join('; ')}`;
    if (actual === expected) continue;
    const inV136 = `${v.plugin}: ${v.reasons.map(reasonInV136).join('; ')}`;
    if (inV136 === expected) differences.add(TAINT_REASON_WORDING.id);
    else problems.push(`${v.node}: kubeplan rejects it with ${actual}, the oracle with ${expected}`);
  }
  const ourNodes = new Set(ours.verdicts.map((v) => v.node));
  for (const node of [...Object.keys(theirs.rejected), ...theirs.feasible])
    if (!ourNodes.has(node)) problems.push(`${node}: no verdict from kubeplan`);

  // Scores: weighted, per plugin; a plugin that did not score counts 0 on either side.
  for (const v of ours.verdicts) {
    const upstream = theirs.scores?.[v.node];
    if (!upstream) {
      if (v.scores) problems.push(`${v.node}: kubeplan scores it (${JSON.stringify(v.scores)}), the oracle does not`);
      continue;
    }
    const plugins = new Set([...Object.keys(upstream.plugins), ...Object.keys(v.scores ?? {})]);
    for (const plugin of [...plugins].sort()) {
      const a = v.scores?.[plugin] ?? 0;
      const b = upstream.plugins[plugin] ?? 0;
      if (a !== b) problems.push(`${v.node}: ${plugin} scores ${a} in kubeplan, ${b} in the oracle`);
    }
    if ((v.score ?? 0) !== upstream.total)
      problems.push(`${v.node}: total ${v.score} in kubeplan, ${upstream.total} in the oracle`);
  }

  // The outcome.
  if (theirs.message === undefined) {
    if (ours.nodeName === undefined)
      problems.push(
        `kubeplan leaves it unscheduled (${ours.message}), the oracle binds it to ${theirs.chosen.join(' or ')}`,
      );
    else if (!theirs.chosen.includes(ours.nodeName))
      problems.push(`kubeplan binds it to ${ours.nodeName}, the oracle to ${theirs.chosen.join(' or ')}`);
    else if (theirs.chosen.length > 1) differences.add(TIE_BREAK.id);
  } else if (theirs.nominatedNode !== undefined) {
    const choices = theirs.preemptions ?? [];
    if (!ours.preemption) {
      problems.push(
        `kubeplan does not preempt (${ours.nodeName ?? ours.message}), the oracle nominates ${theirs.nominatedNode} evicting ${theirs.victims?.join(', ')}`,
      );
    } else {
      const victims = ours.preemption.victims.map(podName).sort();
      const choice = choices.find((c) => c.node === ours.preemption!.nominatedNodeName);
      if (!choice || JSON.stringify(choice.victims) !== JSON.stringify(victims))
        problems.push(
          `kubeplan preempts on ${ours.preemption.nominatedNodeName} evicting [${victims.join(', ')}], the oracle may choose ${JSON.stringify(choices)}`,
        );
      else if (choices.length > 1) differences.add(TIE_BREAK.id);
      if (!sameMessage(ours.preemption.message, theirs.message, differences))
        problems.push(
          `message of the first attempt:\n  kubeplan: ${ours.preemption.message}\n  oracle:   ${theirs.message}`,
        );
    }
  } else {
    if (ours.nodeName !== undefined)
      problems.push(
        `kubeplan binds it to ${ours.nodeName}${ours.preemption ? ' by preemption' : ''}, the oracle leaves it unscheduled`,
      );
    if (!sameMessage(ours.message, theirs.message, differences))
      problems.push(`message:\n  kubeplan: ${ours.message}\n  oracle:   ${theirs.message}`);
  }
  return { problems, differences };
}
