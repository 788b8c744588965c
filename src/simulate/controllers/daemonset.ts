import type { KubeObject } from '../../model/manifest.js';
import { describeRef } from '../../model/object-ref.js';
import { isObject, objectAt, objectsIn } from '../defaults/fields.js';
import { podTemplateHash } from '../objects/names.js';
import { nodeNameOf } from '../objects/pod-status.js';
import { nodeMatchesPodNodeSelection } from '../objects/selectors.js';
import { firstUntoleratedTaint, formatTaint } from '../objects/taints.js';
import { involved, nameOf, namespaceOf, refOf, type Entry, type SimulationState } from '../state.js';
import { createPod } from './create-pod.js';
import { activePods } from './pods-of.js';
import { workloadShape } from './workload.js';
import { copyJson } from '../objects/copy-json.js';

const SOURCE = 'daemonset-controller';

/**
 * Tolerations every DaemonSet pod gets (`pkg/controller/daemon/util`, AddOrUpdateDaemonPodTolerations):
 * node problems never evict or block a daemon; network-unavailable only for host-network pods.
 */
export function daemonTolerations(hostNetwork: boolean): Array<Record<string, string>> {
  const keys: Array<[string, string]> = [
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ];
  if (hostNetwork) keys.push(['node.kubernetes.io/network-unavailable', 'NoSchedule']);
  return keys.map(([key, effect]) => ({ key, operator: 'Exists', effect }));
}

/** The spec with the daemon tolerations added or replacing a toleration of the same key and effect. */
function withDaemonTolerations(spec: Record<string, unknown>): void {
  const added = daemonTolerations(spec.hostNetwork === true);
  const own = objectsIn(spec, 'tolerations').filter((t) => !added.some((a) => a.key === t.key && a.effect === t.effect));
  spec.tolerations = [...own, ...added];
}

/** Why the controller would not run a daemon pod on a node, or undefined when it would. */
function ineligibility(spec: Record<string, unknown>, node: KubeObject): string | undefined {
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '' && spec.nodeName !== nameOf(node)) return "didn't match the requested node name";
  if (!nodeMatchesPodNodeSelection(spec, node)) return "didn't match the DaemonSet's node affinity/selector";
  const taint = firstUntoleratedTaint(spec, node);
  return taint ? `had untolerated taint ${formatTaint(taint)}` : undefined;
}

/**
 * The DaemonSet controller (`pkg/controller/daemon`): one pod on every node that passes the
 * controller's own checks (node name, node selector and affinity, taints against the pod's
 * tolerations plus the daemon tolerations), pinned there by node affinity on `metadata.name`;
 * the scheduler still checks resources and ports. Pods on nodes that no longer qualify go.
 */
export function reconcileDaemonSets(state: SimulationState, nodes: readonly KubeObject[]): void {
  for (const entry of state.list('DaemonSet', 'apps')) reconcileDaemonSet(state, entry, nodes);
}

function reconcileDaemonSet(state: SimulationState, entry: Entry, nodes: readonly KubeObject[]): void {
  const ds = entry.object;
  const shape = workloadShape(state, entry, { replicas: false });
  if (!shape) return;
  const templateSpec = copyJson(objectAt(shape.template, 'spec') ?? {});
  withDaemonTolerations(templateSpec);
  const pods = activePods(state, ds);
  const podByNode = new Map(pods.map((p) => [daemonNodeOf(p.object), p]));
  const reasons = new Map<string, number>();
  const hash = podTemplateHash(shape.template);
  const generation = String(objectAt(ds, 'metadata')?.generation ?? 1);
  let eligible = 0;
  for (const node of nodes) {
    const why = ineligibility(templateSpec, node);
    const existing = podByNode.get(nameOf(node));
    if (why) {
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
      if (existing) removePod(state, ds, existing);
      continue;
    }
    eligible++;
    if (existing) continue;
    const generateName = `${nameOf(ds)}-`;
    const name = state.generatePodName(namespaceOf(ds), generateName);
    const created = createPod(state, {
      owner: entry,
      template: shape.template,
      name,
      generateName,
      labels: { 'controller-revision-hash': hash, 'pod-template-generation': generation },
      adjustSpec: (spec) => {
        withDaemonTolerations(spec);
        pinToNode(spec, nameOf(node));
      },
      source: SOURCE,
      createdMessage: (pod) => `Created pod: ${pod}`,
      specPointer: '/spec/template/spec',
    });
    if (!created) return;
  }
  if (eligible === 0) {
    const detail = [...reasons].map(([why, n]) => `${n} node${n === 1 ? '' : 's'} ${why}`).sort().join(', ');
    state.report({
      ruleId: 'daemonset-no-nodes',
      severity: 'error',
      message: `${describeRef(refOf(ds))} runs on no node: ${nodes.length === 0 ? 'the cluster has no nodes' : detail}`,
      origin: entry.origin,
      pointer: pointerFor(objectAt(shape.template, 'spec') ?? {}, [...reasons.keys()]),
    });
  }
}

function pointerFor(spec: Record<string, unknown>, reasons: string[]): string {
  if (reasons.some((r) => r.startsWith('had untolerated taint'))) return '/spec/template/spec/tolerations';
  if (reasons.some((r) => r.includes('affinity/selector'))) return spec.nodeSelector !== undefined ? '/spec/template/spec/nodeSelector' : '/spec/template/spec/affinity';
  return '/spec/template/spec';
}

/** Node affinity on `metadata.name`, replacing any required node affinity (ReplaceDaemonSetPodNodeNameNodeAffinity). */
function pinToNode(spec: Record<string, unknown>, node: string): void {
  const affinity = isObject(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
  };
  affinity.nodeAffinity = nodeAffinity;
  spec.affinity = affinity;
}

/** The node a daemon pod is for: where it is bound, else the node its affinity pins it to. */
function daemonNodeOf(pod: KubeObject): string {
  const bound = nodeNameOf(pod);
  if (bound) return bound;
  const spec = objectAt(pod, 'spec') ?? {};
  const required = objectAt(objectAt(objectAt(spec, 'affinity') ?? {}, 'nodeAffinity') ?? {}, 'requiredDuringSchedulingIgnoredDuringExecution');
  for (const term of objectsIn(required, 'nodeSelectorTerms')) {
    for (const field of objectsIn(term, 'matchFields')) if (field.key === 'metadata.name' && Array.isArray(field.values)) return String(field.values[0]);
  }
  return '';
}

function removePod(state: SimulationState, ds: KubeObject, pod: Entry): void {
  state.remove(pod.object);
  state.emit({ type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${nameOf(pod.object)}`, involvedObject: involved(ds), source: SOURCE });
}
