import type { KubeObject } from '../../model/manifest.js';
import { plural } from '../../model/plural.js';
import { describeRef, nameOf, namespaceOf, refOf } from '../../model/object-ref.js';
import { podTemplateHash } from '../objects/names.js';
import { isPodReady, nodeNameOf } from '../objects/pod-status.js';
import { pushTo } from '../../model/maps.js';
import { labelsOf } from '../../model/selectors/label-selector.js';
import {
  matchesRequiredNodeAffinity,
  type RequiredNodeAffinity,
  requiredNodeAffinityOf,
} from '../../model/selectors/node-selector.js';
import {
  firstUntoleratedTaint,
  formatTaint,
  readTaints,
  readTolerations,
  type Toleration,
} from '../../model/selectors/tolerations.js';
import { involved, type Entry, type SimulationState } from '../state.js';
import { createPod } from './create-pod.js';
import { activePods } from './pods-of.js';
import { daemonUpdateLimits, rollingUpdateStep, surplusPods, type DaemonNode } from './daemonset-update.js';
import { workloadShape } from './workload.js';
import { copyJson } from '../../model/copy-json.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';
import { podSpecPointer } from '../../model/pod-template.js';

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
  const own = objectsAt(spec, 'tolerations').filter(
    (t) => !added.some((a) => a.key === t.key && a.effect === t.effect),
  );
  spec.tolerations = [...own, ...added];
}

/**
 * What the controller checks nodes against (`NodeShouldRunDaemonPod`), read once per DaemonSet:
 * the template's node name, its nodeSelector and required node affinity, and its tolerations
 * with the daemon tolerations added. Node selection and taints are judged by the same functions
 * kube-scheduler's NodeAffinity and TaintToleration filters use, so every pod the controller
 * creates for a node is one the scheduler can place there (resources and ports aside).
 */
interface Eligibility {
  nodeName: string;
  affinity: RequiredNodeAffinity;
  tolerations: Toleration[];
}

function eligibilityOf(template: Record<string, unknown>): Eligibility {
  const spec = copyJson(objectAt(template, 'spec') ?? {});
  withDaemonTolerations(spec);
  return {
    nodeName: typeof spec.nodeName === 'string' ? spec.nodeName : '',
    affinity: requiredNodeAffinityOf(spec),
    tolerations: readTolerations(spec.tolerations),
  };
}

/** Why the controller would not run a daemon pod on a node, or undefined when it would. */
function ineligibility(eligibility: Eligibility, node: KubeObject): string | undefined {
  const name = nameOf(node);
  if (eligibility.nodeName !== '' && eligibility.nodeName !== name) return "didn't match the requested node name";
  if (!matchesRequiredNodeAffinity(eligibility.affinity, { name, labels: labelsOf(node) }))
    return "didn't match the DaemonSet's node affinity/selector";
  const taint = firstUntoleratedTaint(readTaints(objectAt(node, 'spec')?.taints), eligibility.tolerations);
  return taint ? `had untolerated taint ${formatTaint(taint)}` : undefined;
}

/**
 * The DaemonSet controller (`pkg/controller/daemon`): one pod on every node that passes the
 * controller's own checks (node name, node selector and affinity, taints against the pod's
 * tolerations plus the daemon tolerations), pinned there by node affinity on `metadata.name`;
 * the scheduler still checks resources and ports. Pods on nodes that no longer qualify go.
 * Pods of an older template are replaced under the RollingUpdate strategy (daemonset-update.ts).
 */
export function reconcileDaemonSets(state: SimulationState, nodes: readonly KubeObject[]): void {
  for (const entry of state.list('DaemonSet', 'apps')) reconcileDaemonSet(state, entry, nodes);
}

function reconcileDaemonSet(state: SimulationState, entry: Entry, nodes: readonly KubeObject[]): void {
  const ds = entry.object;
  const shape = workloadShape(state, entry, { replicas: false });
  if (!shape) return;
  const eligibility = eligibilityOf(shape.template);
  const podsByNode = new Map<string, Entry[]>();
  for (const pod of activePods(state, ds)) pushTo(podsByNode, daemonNodeOf(pod.object), pod);
  const reasons = new Map<string, number>();
  const revision = revisionOf(ds);
  const update = objectAt(shape.spec, 'updateStrategy');
  const surge =
    update?.type !== 'OnDelete' &&
    daemonUpdateLimits(objectAt(update ?? {}, 'rollingUpdate') ?? {}, nodes.length).maxSurge > 0;
  const eligible: DaemonNode[] = [];
  const changesBefore = state.changes;
  for (const node of nodes) {
    const why = ineligibility(eligibility, node);
    const onNode = podsByNode.get(nameOf(node)) ?? [];
    if (why) {
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
      for (const pod of onNode) removeDaemonPod(state, ds, pod);
      continue;
    }
    const surplus = surplusPods(onNode, (pod) => isUpdated(pod, revision), surge);
    for (const pod of surplus) removeDaemonPod(state, ds, pod);
    eligible.push({ node: nameOf(node), pods: onNode.filter((pod) => !surplus.includes(pod)) });
    if (onNode.length > 0) continue;
    if (!createDaemonPod(state, entry, shape.template, nameOf(node), revision)) return;
  }
  if (eligible.length === 0) {
    const detail = [...reasons]
      .map(([why, n]) => `${plural(n, 'node')} ${why}`)
      .sort()
      .join(', ');
    state.report({
      ruleId: 'daemonset-no-nodes',
      severity: 'error',
      message: `${describeRef(refOf(ds))} runs on no node: ${nodes.length === 0 ? 'the cluster has no nodes' : detail}`,
      origin: entry.origin,
      pointer: pointerFor(objectAt(shape.template, 'spec') ?? {}, [...reasons.keys()]),
    });
    return;
  }
  // Like the controller, which waits until it sees the pods it created or deleted, the update
  // starts in the next round.
  if (state.changes !== changesBefore || update?.type === 'OnDelete') return;
  const steps = rollingUpdateStep(
    eligible,
    (pod) => isUpdated(pod, revision),
    objectAt(update ?? {}, 'rollingUpdate') ?? {},
  );
  for (const pod of steps.remove) removeDaemonPod(state, ds, pod);
  // A node emptied without surge gets its new pod in the same round: the controller's next sync
  // would create it before any other change could, and a round per node is what large
  // DaemonSets cost.
  const emptied = surge ? [] : steps.remove.map((pod) => daemonNodeOf(pod.object));
  for (const node of [...steps.create, ...emptied])
    if (!createDaemonPod(state, entry, shape.template, node, revision)) return;
}

/** What marks a daemon pod as made from the current template. */
interface DaemonRevision {
  /** kubeplan's hash of the template, the `controller-revision-hash` label of the pods it creates. */
  hash: string;
  /** The template generation, the `pod-template-generation` label. */
  generation: string;
}

/**
 * The DaemonSet's template generation: the `deprecated.daemonset.template.generation` annotation
 * the API server keeps (one higher each time the template changes, see admit-objects.ts), else
 * its generation. Pods of a cluster dump carry the cluster's revision hashes, which kubeplan
 * cannot compute, but also this generation: it tells their template apart.
 */
export function templateGeneration(ds: KubeObject): string {
  const metadata = objectAt(ds, 'metadata') ?? {};
  const annotation = objectAt(metadata, 'annotations')?.[TEMPLATE_GENERATION];
  if (typeof annotation === 'string' && /^\d+$/.test(annotation)) return annotation;
  return String(metadata.generation ?? 1);
}

export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

function revisionOf(ds: KubeObject): DaemonRevision {
  return {
    hash: podTemplateHash(objectAt(objectAt(ds, 'spec') ?? {}, 'template')),
    generation: templateGeneration(ds),
  };
}

/** `IsPodUpdated`: the pod carries the current template generation or the current hash. */
function isUpdated(pod: Entry, revision: DaemonRevision): boolean {
  const labels = labelsOf(pod.object);
  return (
    labels['pod-template-generation'] === revision.generation || labels['controller-revision-hash'] === revision.hash
  );
}

function createDaemonPod(
  state: SimulationState,
  entry: Entry,
  template: Record<string, unknown>,
  node: string,
  revision: DaemonRevision,
): boolean {
  const generateName = `${nameOf(entry.object)}-`;
  const created = createPod(state, {
    owner: entry,
    template,
    name: state.generatePodName(namespaceOf(entry.object), generateName),
    generateName,
    labels: { 'controller-revision-hash': revision.hash, 'pod-template-generation': revision.generation },
    adjustSpec: (spec) => {
      withDaemonTolerations(spec);
      pinToNode(spec, node);
    },
    source: SOURCE,
    createdMessage: (pod) => `Created pod: ${pod}`,
  });
  return created !== undefined;
}

/**
 * The status the controller writes, counted in nodes: those that should run a daemon pod (that
 * pass the controller's checks), those whose pod is bound, ready, and made from the current
 * template.
 */
export function daemonSetStatus(
  state: SimulationState,
  ds: KubeObject,
  nodes: readonly KubeObject[],
): Record<string, unknown> {
  const revision = revisionOf(ds);
  const pods = activePods(state, ds);
  const nodesWhere = (test: (pod: Entry) => boolean): number =>
    new Set(pods.filter(test).map((p) => daemonNodeOf(p.object))).size;
  const eligibility = eligibilityOf(objectAt(objectAt(ds, 'spec') ?? {}, 'template') ?? {});
  const desired = nodes.filter((node) => !ineligibility(eligibility, node)).length;
  const ready = nodesWhere((p) => isPodReady(p.object));
  return {
    observedGeneration: objectAt(ds, 'metadata')?.generation ?? 1,
    currentNumberScheduled: nodesWhere((p) => nodeNameOf(p.object) !== undefined),
    desiredNumberScheduled: desired,
    numberMisscheduled: 0,
    numberReady: ready,
    numberAvailable: ready,
    ...(desired > ready ? { numberUnavailable: desired - ready } : {}),
    updatedNumberScheduled: nodesWhere((p) => isUpdated(p, revision) && nodeNameOf(p.object) !== undefined),
  };
}

/** Where a DaemonSet keeps its pod spec. */
const POD_SPEC = podSpecPointer('DaemonSet.apps')!;

function pointerFor(spec: Record<string, unknown>, reasons: string[]): string {
  if (reasons.some((r) => r.startsWith('had untolerated taint'))) return `${POD_SPEC}/tolerations`;
  if (reasons.some((r) => r.includes('affinity/selector')))
    return spec.nodeSelector !== undefined ? `${POD_SPEC}/nodeSelector` : `${POD_SPEC}/affinity`;
  return POD_SPEC;
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
  const required = objectAt(
    objectAt(objectAt(spec, 'affinity') ?? {}, 'nodeAffinity') ?? {},
    'requiredDuringSchedulingIgnoredDuringExecution',
  );
  for (const term of objectsAt(required, 'nodeSelectorTerms')) {
    for (const field of objectsAt(term, 'matchFields'))
      if (field.key === 'metadata.name' && Array.isArray(field.values)) return String(field.values[0]);
  }
  return '';
}

function removeDaemonPod(state: SimulationState, ds: KubeObject, pod: Entry): void {
  state.remove(pod.object);
  state.emit({
    type: 'Normal',
    reason: 'SuccessfulDelete',
    message: `Deleted pod: ${nameOf(pod.object)}`,
    involvedObject: involved(ds),
    source: SOURCE,
  });
}
