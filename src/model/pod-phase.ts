/**
 * Where a pod is in its life, as every part of Kubernetes reads it: its phase, whether it has
 * finished (terminal: it holds no node resources, quota or endpoint any more) and whether it is
 * being deleted (terminating). "Terminating" here is the pod being deleted; the ResourceQuota
 * scope of the same name means something else (a pod with an active deadline, admission/).
 */
import { objectAt } from './json.js';

/** `status.phase`; a pod without one is Pending. */
export function podPhase(pod: unknown): string {
  const phase = objectAt(pod, 'status')?.phase;
  return typeof phase === 'string' ? phase : 'Pending';
}

/** Succeeded or Failed: the pod's containers have stopped for good (kube-scheduler's cache and the quota evaluator leave it out). */
export function isTerminal(pod: unknown): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The pod has a `metadata.deletionTimestamp`: it is going away (spreading and controllers stop counting it). */
export function isTerminating(pod: unknown): boolean {
  const deletion = objectAt(pod, 'metadata')?.deletionTimestamp;
  return deletion !== undefined && deletion !== null;
}
