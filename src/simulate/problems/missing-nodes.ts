import type { KubeObject } from '../../model/manifest.js';
import { describeRef } from '../../model/object-ref.js';
import { pushTo } from '../objects/multimap.js';
import { nodeNameOf } from '../objects/pod-status.js';
import { nameOf, refOf, type Entry, type SimulationState } from '../state.js';

/**
 * Pods bound to a node the cluster model does not have. Those of `--current` (a dump taken from
 * a cluster whose nodes were not passed with `--cluster`) keep their status but take no room in
 * the plan: one warning per missing node, at its first pod. A Pod of the input that names such a
 * node is never started by any kubelet: it stays Pending (an error).
 */
export function reportPodsOnMissingNodes(state: SimulationState, nodes: readonly KubeObject[], fromInput: (pod: Entry) => boolean): void {
  const known = new Set(nodes.map(nameOf));
  const byNode = new Map<string, Entry[]>();
  for (const pod of state.list('Pod', '')) {
    const node = nodeNameOf(pod.object);
    if (node === undefined || known.has(node)) continue;
    if (fromInput(pod)) {
      state.report({
        ruleId: 'node-missing',
        severity: 'error',
        message: `${describeRef(refOf(pod.object))} names node ${node} (spec.nodeName), which the cluster does not have: it stays Pending`,
        origin: pod.origin,
        pointer: '/spec/nodeName',
      });
      continue;
    }
    pushTo(byNode, node, pod);
  }
  for (const [node, pods] of [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const count = pods.length === 1 ? '1 pod' : `${pods.length} pods`;
    state.report({
      ruleId: 'node-missing',
      severity: 'warning',
      message: `${count} of --current run on node ${node}, which the cluster model does not have, so they take no room in the plan; pass the cluster's nodes with --cluster (kubectl get nodes -o yaml)`,
      origin: pods[0]!.origin,
      pointer: '/spec/nodeName',
    });
  }
}
