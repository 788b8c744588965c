/**
 * DefaultPreemption (PostFilter). For a pod no node accepts: on every node rejected as resolvable,
 * remove all lower-priority pods; if the pod then fits, add them back one by one from the most
 * important (higher priority, then earlier start), keeping out those without which it no longer
 * fits: they are the victims. The node picked has, in order: the lowest highest-victim priority, the
 * lowest sum of victim priorities, the fewest victims, the latest start among its highest-priority
 * victims, and then the first name. When no node works, the reasons form the "preemption:" message.
 * PodDisruptionBudgets are not modelled, so no victim counts as violating one.
 */
import type { Cluster, Placed } from './cluster.js';
import { formatFitError } from './fit-error.js';
import type { PodInfo } from './pod-info.js';
import { PASSED, type StatusTable } from './statuses.js';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NEVER = 'not eligible due to preemptionPolicy=Never.';

export interface PreemptionResult {
  node?: number;
  victims: Placed[];
  /** The PostFilter message when preemption found no node: "preemption: ...". */
  message?: string;
}

/** How preemption checks the pod on one node. */
export interface NodeCheck {
  /** All filters against the cluster as it currently is; returns the status code. */
  filter(node: number): number;
  /** Whether the node's rejection (`code`) stands without `without`, if that can be told without a trial; else PASSED. */
  stillRejects(node: number, code: number, without: readonly Placed[]): number;
}

function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.startTime - b.startTime;
}

interface Candidate {
  node: number;
  victims: Placed[];
}

/** pickOneNodeForPreemption's criteria, without PodDisruptionBudgets; negative when a is better. */
function compareCandidates(a: Candidate, b: Candidate): number {
  const top = (c: Candidate): number => c.victims[0]!.info.priority;
  if (top(a) !== top(b)) return top(a) - top(b);
  // Each priority is shifted by 2^31 so that negative priorities still add up to a positive sum.
  const sum = (c: Candidate): number => c.victims.reduce((s, v) => s + v.info.priority + 2147483648, 0);
  if (sum(a) !== sum(b)) return sum(a) - sum(b);
  if (a.victims.length !== b.victims.length) return a.victims.length - b.victims.length;
  const earliestTop = (c: Candidate): number =>
    // A fold, not Math.min(...): a node may hold more victims than a call takes arguments.
    c.victims.reduce((min, v) => (v.info.priority === top(c) ? Math.min(min, v.info.startTime) : min), Infinity);
  const ea = earliestTop(a);
  const eb = earliestTop(b);
  if (ea !== eb) return ea > eb ? -1 : 1;
  return a.node - b.node;
}

export function preempt(
  cluster: Cluster,
  pod: PodInfo,
  codes: Uint16Array,
  statuses: StatusTable,
  check: NodeCheck,
): PreemptionResult {
  if (pod.preemptNever) return { victims: [], message: `preemption: ${NEVER}` };
  const potential: number[] = [];
  for (let n = 0; n < cluster.N; n++) {
    const code = codes[n]!;
    if (code !== PASSED && !statuses.entries[code]!.unresolvable) potential.push(n);
  }
  const reasons = new Map<string, number>();
  const count = (reason: string, by = 1): void => {
    reasons.set(reason, (reasons.get(reason) ?? 0) + by);
  };
  const candidates: Candidate[] = [];
  for (const n of potential) {
    const lower = cluster.pods[n]!.filter((p) => p.info.priority < pod.priority);
    if (lower.length === 0) {
      count(NO_VICTIMS);
      continue;
    }
    // Still short of resources or ports without every lower-priority pod: no need to move any.
    const stands = check.stillRejects(n, codes[n]!, lower);
    if (stands !== PASSED) {
      for (const r of statuses.entries[stands]!.reasons) count(r);
      continue;
    }
    for (const p of lower) cluster.remove(p);
    const code = check.filter(n);
    if (code !== PASSED) {
      for (const r of statuses.entries[code]!.reasons) count(r);
      for (const p of lower) cluster.add(p);
      continue;
    }
    lower.sort((a, b) => moreImportant(a.info, b.info));
    const victims: Placed[] = [];
    for (const p of lower) {
      cluster.add(p);
      if (check.filter(n) !== PASSED) {
        cluster.remove(p);
        victims.push(p);
      }
    }
    for (const v of victims) cluster.add(v);
    // Every pod could stay: the rejection was not about them (kube-scheduler reports an error).
    if (victims.length > 0) candidates.push({ node: n, victims });
  }
  if (candidates.length === 0) {
    if (potential.length < cluster.N) count(NOT_HELPFUL, cluster.N - potential.length);
    return { victims: [], message: `preemption: ${formatFitError(cluster.N, reasons)}` };
  }
  candidates.sort(compareCandidates);
  return { node: candidates[0]!.node, victims: candidates[0]!.victims };
}
