/**
 * Filter and score results that depend only on the node and on the pod's node selector, node
 * affinity and tolerations (its "shape"): NodeUnschedulable, TaintToleration, NodeAffinity (and its
 * PreFilter), the PreferNoSchedule taint count and the preferred node affinity score. Pods of one
 * ReplicaSet share a shape, so these are computed once per shape and node, not once per pod.
 */
import type { Cluster } from './cluster.js';
import type { PodInfo } from './pod-info.js';
import * as nodeAffinity from './plugins/node-affinity.js';
import * as nodeName from './plugins/node-name.js';
import * as nodeUnschedulable from './plugins/node-unschedulable.js';
import * as taintToleration from './plugins/taint-toleration.js';
import { PASSED, type StatusTable } from './statuses.js';

export interface Shape {
  /** Distinct per shape within a run (keys caches that depend on the shape). */
  id: number;
  /** Per node: the first failing node-static filter (or the PreFilter exclusion), PASSED otherwise. */
  staticCode: Uint16Array;
  /** Per node: matches nodeSelector and required node affinity (for spreading's inclusion policy). */
  affinityOk: Uint8Array;
  /** Per node: no untolerated NoSchedule/NoExecute taint. */
  taintsOk: Uint8Array;
  preferNoScheduleCount: Int32Array;
  /** The highest count over all nodes; 0 lets scoring skip the column. */
  preferNoScheduleMax: number;
  /** Preferred node affinity raw scores; undefined when the pod has no preferred terms. */
  preferredAffinity: Int32Array | undefined;
  /** NodeAffinity PreFilter found that no node name can satisfy the terms. */
  conflict: boolean;
}

export function buildShape(cluster: Cluster, pod: PodInfo, statuses: StatusTable, id: number): Shape {
  const N = cluster.N;
  const required = nodeAffinity.requiredNodeAffinity(pod.pod);
  const names = nodeAffinity.preFilterNodeNames(pod.pod);
  const preferred = nodeAffinity.preferredTerms(pod.pod);
  const shape: Shape = {
    id,
    staticCode: new Uint16Array(N),
    affinityOk: new Uint8Array(N),
    taintsOk: new Uint8Array(N),
    preferNoScheduleCount: new Int32Array(N),
    preferNoScheduleMax: 0,
    preferredAffinity: preferred.length > 0 ? new Int32Array(N) : undefined,
    conflict: names !== undefined && names.size === 0,
  };
  const excluded = statuses.code(nodeAffinity.NAME, [`node(s) didn't satisfy plugin(s) [${nodeAffinity.NAME}]`], true);
  const unschedulable = statuses.code(nodeUnschedulable.NAME, [nodeUnschedulable.REASON], true);
  const wrongName = statuses.code(nodeName.NAME, [nodeName.REASON], true);
  const affinityMismatch = statuses.code(nodeAffinity.NAME, [nodeAffinity.REASON], true);
  for (let n = 0; n < N; n++) {
    const node = cluster.nodes[n]!;
    const taint = taintToleration.firstUntoleratedTaint(node.taints, pod.tolerations);
    const affinityOk = nodeAffinity.matches(required, node);
    shape.taintsOk[n] = taint ? 0 : 1;
    shape.affinityOk[n] = affinityOk ? 1 : 0;
    const prefer = taintToleration.countIntolerablePreferNoSchedule(node.taints, pod.tolerations);
    shape.preferNoScheduleCount[n] = prefer;
    if (prefer > shape.preferNoScheduleMax) shape.preferNoScheduleMax = prefer;
    if (shape.preferredAffinity) shape.preferredAffinity[n] = nodeAffinity.preferredScore(preferred, node);
    // Default-profile filter order; PreFilter exclusions are decided before any filter runs.
    let code = PASSED;
    if (names && !names.has(node.name)) code = excluded;
    else if (!nodeUnschedulable.fits(node, pod.tolerations)) code = unschedulable;
    else if (!nodeName.fits(pod.nodeName, node.name)) code = wrongName;
    else if (taint) code = statuses.code(taintToleration.NAME, [taintToleration.reason(taint)], true);
    else if (!affinityOk) code = affinityMismatch;
    shape.staticCode[n] = code;
  }
  return shape;
}
