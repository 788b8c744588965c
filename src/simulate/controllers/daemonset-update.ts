import { isPodReady } from '../objects/pod-status.js';
import type { Entry } from '../state.js';
import { resolveIntOrPercent } from './rollout.js';

/** An eligible node and the live daemon pods on it. */
export interface DaemonNode {
  node: string;
  pods: Entry[];
}

/** One sync of a rolling update: old pods to delete, nodes to get a new pod beside their old one. */
export interface DaemonUpdateStep {
  remove: Entry[];
  create: string[];
}

/**
 * maxSurge and maxUnavailable of a DaemonSet, both rounded up against the nodes it should run on;
 * when both come to 0, maxUnavailable is 1 (the API server rejects that setting, the controller
 * still moves).
 */
export function daemonUpdateLimits(
  rollingUpdate: Record<string, unknown>,
  desired: number,
): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = resolveIntOrPercent(rollingUpdate.maxSurge ?? 0, desired, true) ?? 0;
  const maxUnavailable = resolveIntOrPercent(rollingUpdate.maxUnavailable ?? 1, desired, true) ?? 1;
  return { maxSurge, maxUnavailable: desired > 0 && maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

/**
 * The DaemonSet controller's rolling update (`pkg/controller/daemon/update.go`), one sync:
 *
 * - maxSurge 0: an old pod that is not available is deleted at once; available old pods are
 *   deleted while fewer than maxUnavailable nodes are unavailable (a new pod not yet available,
 *   an old pod not available, a node with both an old and a new pod or with several of either).
 *   The next sync creates the new pod on the emptied node, so a new pod that no node can take
 *   keeps its node unavailable and the update stops there.
 * - maxSurge above 0: a new pod starts beside the old one on up to maxSurge nodes at a time (at
 *   once where the old pod is not available); the old pod goes when the new one is available.
 *
 * Nodes are taken in the cluster model's order, where the controller takes them in map order.
 */
export function rollingUpdateStep(
  nodes: readonly DaemonNode[],
  updated: (pod: Entry) => boolean,
  rollingUpdate: Record<string, unknown>,
): DaemonUpdateStep {
  const { maxSurge, maxUnavailable } = daemonUpdateLimits(rollingUpdate, nodes.length);
  const step: DaemonUpdateStep = { remove: [], create: [] };
  let busy = 0;
  const candidates: Array<{ pod: Entry; node: string }> = [];
  for (const { node, pods } of nodes) {
    const fresh = pods.filter(updated);
    const old = pods.filter((p) => !updated(p));
    if (fresh.length > 1 || old.length > 1) {
      busy++;
      continue;
    }
    const [newPod] = fresh;
    const [oldPod] = old;
    if (maxSurge === 0) {
      if (newPod && oldPod) busy++;
      else if (newPod) busy += isPodReady(newPod.object) ? 0 : 1;
      else if (oldPod && !isPodReady(oldPod.object)) {
        step.remove.push(oldPod);
        busy++;
      } else if (oldPod && busy < maxUnavailable) candidates.push({ pod: oldPod, node });
      continue;
    }
    if (!oldPod) continue;
    if (newPod) {
      if (isPodReady(newPod.object)) step.remove.push(oldPod);
      else busy++;
      continue;
    }
    if (!isPodReady(oldPod.object)) step.create.push(node);
    else if (busy < maxSurge) candidates.push({ pod: oldPod, node });
  }
  const room = Math.max(0, (maxSurge === 0 ? maxUnavailable : maxSurge) - busy);
  for (const { pod, node } of candidates.slice(0, room)) {
    if (maxSurge === 0) step.remove.push(pod);
    else step.create.push(node);
  }
  return step;
}

/**
 * Daemon pods a node has too many of (the controller's manage step): without surge, all but
 * the oldest; with surge, the oldest new pod stays, and beside it the oldest old pod only while
 * that one is ready and the new one is not. `pods` are in creation order.
 */
export function surplusPods(pods: readonly Entry[], updated: (pod: Entry) => boolean, surge: boolean): Entry[] {
  if (pods.length < 2) return [];
  if (!surge) return pods.slice(1);
  const fresh = pods.filter(updated);
  const old = pods.filter((p) => !updated(p));
  const keep = new Set<Entry>();
  if (fresh[0]) keep.add(fresh[0]);
  if (old[0] && (!fresh[0] || (isPodReady(old[0].object) && !isPodReady(fresh[0].object)))) keep.add(old[0]);
  return pods.filter((p) => !keep.has(p));
}
