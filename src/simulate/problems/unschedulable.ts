import type { KubeObject } from '../../model/manifest.js';
import { describeRef, nameOf, refOf } from '../../model/object-ref.js';
import { uidOf, type Entry, type SimulationState } from '../state.js';
import { objectAt } from '../../model/json.js';
import { type GroupKind, groupKindOfObject } from '../../model/group-kind.js';
import { podSpecPointer } from '../../model/pod-template.js';

/**
 * The field to point at for a FailedScheduling message: the part of the pod spec behind the
 * reason that rejected the most nodes (resources → the first container's resources, taints →
 * tolerations, node selection → nodeSelector or affinity, ...). docs/plan.md lists the rule.
 */
export function pointerForMessage(message: string, kind: GroupKind, podSpec: Record<string, unknown>): string {
  // An owner that keeps no pod template (a custom controller's kind) is pointed at as a whole.
  const base = podSpecPointer(kind) ?? '';
  const counted = [
    ...message
      .replace(/^0\/\d+ nodes are available: /, '')
      .split(/\. preemption: /)[0]!
      .matchAll(/(\d+) ([^,]+?)(?:, |\.$|$)/g),
  ].map((m) => ({ count: Number(m[1]), reason: m[2]! }));
  const top = counted.sort((a, b) => b.count - a.count)[0]?.reason ?? '';
  if (top.startsWith('Insufficient') || top === 'Too many pods') return `${base}/containers/0/resources`;
  if (top.includes('untolerated taint') || top.includes('were unschedulable')) return `${base}/tolerations`;
  if (top.includes('node affinity/selector'))
    return podSpec.nodeSelector !== undefined ? `${base}/nodeSelector` : `${base}/affinity/nodeAffinity`;
  if (top.includes('pod affinity') || top.includes('anti-affinity')) return `${base}/affinity`;
  if (top.includes('topology spread')) return `${base}/topologySpreadConstraints`;
  if (top.includes('free ports')) return `${base}/containers/0/ports`;
  if (top.includes('requested node name')) return `${base}/nodeName`;
  return kind === 'Pod' ? '/spec' : '/spec/replicas';
}

/** For an OrderedReady StatefulSet with fewer pods than replicas: the pods its unschedulable pod holds back. */
function heldBack(workload: KubeObject, pods: number): string {
  const spec = objectAt(workload, 'spec') ?? {};
  if (
    workload.kind !== 'StatefulSet' ||
    spec.podManagementPolicy === 'Parallel' ||
    typeof spec.replicas !== 'number' ||
    spec.replicas <= pods
  )
    return '';
  const missing = spec.replicas - pods;
  return ` (OrderedReady: the ${missing === 1 ? 'next pod is' : `next ${missing} pods are`} not created until it is Ready)`;
}

/**
 * One finding per workload whose pods cannot be scheduled: `2 of 3 pods of Deployment shop/api
 * cannot be scheduled: 0/7 nodes are available: ...`, at the workload's manifest.
 */
export function reportUnschedulable(state: SimulationState, failures: Map<string, string>): void {
  if (failures.size === 0) return;
  const groups = new Map<Entry, { failed: Entry[]; total: number }>();
  // Nothing changes the state below: the chain above each ReplicaSet is walked once.
  const topController = state.topControllers();
  for (const pod of state.list('Pod', '')) {
    const owner = topController(pod);
    const group = groups.get(owner) ?? { failed: [], total: 0 };
    group.total++;
    if (failures.has(uidOf(pod.object))) group.failed.push(pod);
    groups.set(owner, group);
  }
  for (const [owner, { failed, total }] of groups) {
    if (failed.length === 0) continue;
    const first = failures.get(uidOf(failed[0]!.object))!;
    const allSame = failed.every((p) => failures.get(uidOf(p.object)) === first);
    const what =
      owner.object.kind === 'Pod'
        ? `${describeRef(refOf(owner.object))} cannot be scheduled`
        : `${failed.length} of ${total} pod${total === 1 ? '' : 's'} of ${describeRef(refOf(owner.object))} cannot be scheduled`;
    const podSpec = objectAt(failed[0]!.object, 'spec') ?? {};
    state.report({
      ruleId: 'pod-unschedulable',
      severity: 'error',
      message: `${allSame ? `${what}: ${first}` : `${what}; ${nameOf(failed[0]!.object)}: ${first}`}${heldBack(owner.object, total)}`,
      origin: owner.origin,
      pointer: pointerForMessage(first, groupKindOfObject(owner.object), podSpec),
    });
  }
}
