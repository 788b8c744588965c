import type { KubeObject, Manifest } from '../../model/manifest.js';
import { describeRef, nameOf, namespaceOf } from '../../model/object-ref.js';
import { pushTo } from '../../model/maps.js';
import { nodeNameOf } from '../objects/pod-status.js';
import type { Entry, SimulationState } from '../state.js';
import { groupKindOf } from '../../model/group-kind.js';
import { podSpecPointer } from '../../model/pod-template.js';

/**
 * Pods bound to a node the cluster model does not have, one finding per node and manifest.
 * Those of `--current` (a dump of a cluster whose nodes were not passed with `--cluster`) keep
 * their status but take no room in the plan: a warning. Pods of the input that name such a node
 * (`spec.nodeName`) are started by no kubelet and stay Pending: an error.
 */
export function reportPodsOnMissingNodes(
  state: SimulationState,
  nodes: readonly KubeObject[],
  isInput: (origin: Manifest) => boolean,
): void {
  const known = new Set(nodes.map(nameOf));
  const groups = new Map<string, Entry[]>();
  for (const pod of state.list('Pod', '')) {
    const node = nodeNameOf(pod.object);
    if (node !== undefined && !known.has(node) && pod.origin)
      pushTo(
        groups,
        `${node}\0${pod.origin.source.file}\0${pod.origin.source.docIndex}\0${pod.origin.source.itemIndex ?? ''}`,
        pod,
      );
  }
  for (const pods of groups.values()) {
    const first = pods[0]!.object;
    const origin = pods[0]!.origin!;
    const node = nodeNameOf(first)!;
    if (isInput(origin)) {
      // The origin is the pod itself or its workload, in the pod's (defaulted) namespace.
      const source = describeRef({ ...origin.ref, namespace: namespaceOf(first) });
      const what =
        origin.ref.kind === 'Pod'
          ? `${source} names`
          : `${pods.length === 1 ? '1 pod' : `${pods.length} pods`} of ${source} name`;
      state.report({
        ruleId: 'node-missing',
        severity: 'error',
        message: `${what} node ${node} (spec.nodeName), which the cluster does not have: no kubelet starts ${pods.length === 1 ? 'it, so it stays' : 'them, so they stay'} Pending`,
        origin,
        pointer: `${podSpecPointer(groupKindOf(origin)) ?? ''}/nodeName`,
      });
    } else {
      state.report({
        ruleId: 'node-missing',
        severity: 'warning',
        message: `${pods.length === 1 ? `1 pod (${nameOf(first)})` : `${pods.length} pods (${nameOf(first)}, ...)`} of --current run on node ${node}, which the cluster model does not have, so they take no room in the plan; pass the cluster's nodes with --cluster (kubectl get nodes -o yaml)`,
        origin,
        pointer: '/spec/nodeName',
      });
    }
  }
}
