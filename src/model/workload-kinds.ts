import type { GroupKind } from './group-kind.js';

/** What a workload kind does with the pods of its template. */
export type WorkloadTrait =
  /** Its pods run until replaced (restartPolicy Always), unlike a Job's or a bare Pod's. */
  | 'serving'
  /** It keeps `spec.replicas` copies of its pod, and an autoscaler can change that number. */
  | 'replicated'
  /** Its `spec.selector` must select the labels of its own template, or the API server refuses it. */
  | 'selectsTemplate'
  /** A changed template replaces its pods (a rollout); a ReplicaSet keeps the pods it has. */
  | 'rollsOut'
  /** The plan runs its controller, so it has pods in the simulated cluster. */
  | 'runsInPlan';

/**
 * The workload kinds and their traits: every list of "which kinds are workloads" in lint, plan and
 * diff is one trait of this table. Each kind here keeps its pod template where
 * `model/pod-template.ts` says. The plan runs the controllers of `apps/v1` and Jobs; a
 * ReplicationController, an `extensions/v1beta1` workload (no longer served) or an Argo Rollout
 * (no Argo controller) has no pods there.
 */
const WORKLOAD_KINDS: Readonly<Record<GroupKind, readonly WorkloadTrait[]>> = {
  'Deployment.apps': ['serving', 'replicated', 'selectsTemplate', 'rollsOut', 'runsInPlan'],
  'ReplicaSet.apps': ['serving', 'replicated', 'selectsTemplate', 'runsInPlan'],
  'StatefulSet.apps': ['serving', 'replicated', 'selectsTemplate', 'rollsOut', 'runsInPlan'],
  'DaemonSet.apps': ['serving', 'selectsTemplate', 'rollsOut', 'runsInPlan'],
  'CronJob.batch': [],
  'Job.batch': ['selectsTemplate', 'runsInPlan'],
  ReplicationController: ['serving', 'replicated', 'selectsTemplate'],
  'Deployment.extensions': ['serving', 'replicated', 'selectsTemplate', 'rollsOut'],
  'ReplicaSet.extensions': ['serving', 'replicated', 'selectsTemplate'],
  'DaemonSet.extensions': ['serving', 'selectsTemplate', 'rollsOut'],
  'Rollout.argoproj.io': ['serving', 'replicated', 'selectsTemplate', 'rollsOut'],
};

/** Every workload kind, in the order of the table (the order the plan lists them in). */
export const WORKLOAD_KIND_ORDER: readonly GroupKind[] = Object.keys(WORKLOAD_KINDS);

/** Whether a kind is a workload: its controller makes pods from its template (a PodTemplate is not one). */
export function isWorkload(groupKind: GroupKind): boolean {
  return Object.hasOwn(WORKLOAD_KINDS, groupKind);
}

export function hasTrait(groupKind: GroupKind, trait: WorkloadTrait): boolean {
  return Object.hasOwn(WORKLOAD_KINDS, groupKind) && WORKLOAD_KINDS[groupKind]!.includes(trait);
}

/** The workload kinds with a trait, in the order of the table. */
export function kindsWith(trait: WorkloadTrait): ReadonlySet<GroupKind> {
  return new Set(WORKLOAD_KIND_ORDER.filter((kind) => hasTrait(kind, trait)));
}

/** Kinds whose pods run until replaced (restartPolicy Always), as opposed to Jobs and bare Pods. */
export const SERVING_WORKLOADS: ReadonlySet<GroupKind> = kindsWith('serving');

/** Workloads that keep `spec.replicas` copies of their pod. */
export const REPLICATED_WORKLOADS: ReadonlySet<GroupKind> = kindsWith('replicated');
