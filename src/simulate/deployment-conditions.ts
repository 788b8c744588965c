import type { KubeObject } from '../model/manifest.js';
import { objectAt } from '../model/json.js';
import { rollingParameters } from './controllers/rollout.js';

export interface DeploymentCounts {
  desired: number;
  /** Pods of every ReplicaSet, and those of the newest one. */
  replicas: number;
  updated: number;
  available: number;
  /** The newest ReplicaSet's name, which the Progressing condition names. */
  newReplicaSet: string | undefined;
}

/**
 * Pods that may be unavailable (MaxUnavailable): the rolling update's maxUnavailable, never
 * more than the replicas; none for Recreate.
 */
function maxUnavailable(deployment: KubeObject, desired: number): number {
  const strategy = objectAt(objectAt(deployment, 'spec'), 'strategy') ?? {};
  if (strategy.type === 'Recreate') return 0;
  const rolling = objectAt(strategy, 'rollingUpdate') ?? {};
  return Math.min(desired, rollingParameters(desired, rolling.maxSurge, rolling.maxUnavailable).maxUnavailable);
}

/**
 * The conditions the Deployment controller sets once the simulation settles, with its reasons
 * and messages: `Available` when at least `replicas − maxUnavailable` pods are available, and
 * `Progressing` true once the new ReplicaSet is complete, false after the progress deadline when
 * the rollout cannot complete (the settled state is after any deadline), unknown while paused.
 */
export function deploymentConditions(deployment: KubeObject, counts: DeploymentCounts): Record<string, unknown>[] {
  const minimum = counts.available >= counts.desired - maxUnavailable(deployment, counts.desired);
  const available = minimum
    ? {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      }
    : {
        type: 'Available',
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
        message: 'Deployment does not have minimum availability.',
      };
  const name = counts.newReplicaSet ?? '';
  const complete =
    counts.updated === counts.desired && counts.replicas === counts.desired && counts.available === counts.desired;
  const progressing =
    objectAt(deployment, 'spec')?.paused === true
      ? { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }
      : complete
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${name}" has successfully progressed.`,
          }
        : {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "${name}" has timed out progressing.`,
          };
  return [available, progressing];
}
