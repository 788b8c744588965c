import { findingAt, type Finding } from '../../model/finding.js';
import { plural } from '../../model/plural.js';
import type { KubeObject } from '../../model/manifest.js';
import { describeRef, identityKey, nameOf } from '../../model/object-ref.js';
import { type GroupKind, groupKindOf } from '../../model/group-kind.js';
import { hasTrait } from '../../model/workload-kinds.js';
import { daemonUpdateLimits } from '../../simulate/controllers/daemonset-update.js';
import { planRollingUpdate } from '../../simulate/controllers/rollout.js';
import { sameTemplate } from '../../simulate/objects/template-equality.js';
import { uidOf } from '../../simulate/state.js';
import type { ObjectChange } from '../types.js';
import { isScheduled, type TransitionIndex } from './cluster-index.js';
import type { Transition } from './transition.js';
import type { Rollout, WorkloadConsequence } from './types.js';
import { deepEqual, objectAt, type JsonObject } from '../../model/json.js';

/** Whether the diff follows the pods of a kind: serving workloads whose controller the plan runs. */
function followsPods(kind: GroupKind): boolean {
  return hasTrait(kind, 'serving') && hasTrait(kind, 'runsInPlan');
}

function spec(object: KubeObject | undefined): JsonObject {
  return objectAt(object, 'spec') ?? {};
}

function at(parent: JsonObject, key: string): JsonObject {
  return objectAt(parent, key) ?? {};
}

interface Sides extends TransitionIndex {
  unschedulable: ReadonlyMap<string, string>;
}

/**
 * What each created, updated or deleted workload does to its pods, from the two simulated
 * clusters: a changed pod template rolls out (each scale step of a Deployment under
 * maxSurge/maxUnavailable, the replacement order of a StatefulSet, the pace of a DaemonSet),
 * a changed size only scales; pods no node can take are counted with the scheduler's message.
 * A CronJob's changed job template applies from its next run. A rollout that cannot finish
 * because new pods do not fit is an error finding.
 */
export function workloadConsequences(
  changes: readonly ObjectChange[],
  transition: Transition,
  index: TransitionIndex,
): { workloads: WorkloadConsequence[]; findings: Finding[] } {
  const sides: Sides = { ...index, unschedulable: transition.after.unschedulable };
  const workloads: WorkloadConsequence[] = [];
  const findings: Finding[] = [];
  const nextRuns = new Map(transition.after.cronJobs.map((c) => [identityKey(c.cronJob), c.nextRuns[0]]));
  for (const change of changes) {
    if (
      change.action === 'update' &&
      groupKindOf(change) === 'CronJob.batch' &&
      !deepEqual(spec(change.before).jobTemplate, spec(change.after).jobTemplate)
    ) {
      const nextRun = nextRuns.get(identityKey(change.ref));
      workloads.push({
        ref: change.ref,
        change: 'rollout',
        podsBefore: 0,
        podsAfter: 0,
        ...(nextRun ? { nextRun } : {}),
      });
    }
    if (!followsPods(groupKindOf(change))) continue;
    const consequence = consequenceOf(change, sides);
    if (!consequence) continue;
    workloads.push(consequence);
    const stalled = consequence.rollout && !consequence.rollout.complete && consequence.unschedulable;
    if (stalled && change.desired) {
      const { message } = consequence.unschedulable!;
      findings.push(
        findingAt(change.desired, {
          ruleId: 'rollout-stalls',
          severity: 'error',
          pointer: change.ref.kind === 'Deployment' ? '/spec/strategy' : '/spec/updateStrategy',
          phase: 'diff',
          message: `the rollout of ${describeRef(change.ref)} stalls: ${stallText(consequence)}: ${message}`,
          remediation:
            'make room in the cluster (more or larger nodes, fewer pods elsewhere), lower the requests, or let old pods go first (a higher maxUnavailable, or maxSurge 0)',
        }),
      );
    }
  }
  return { workloads, findings };
}

function stallText(w: WorkloadConsequence): string {
  const pods = w.unschedulable!.pods;
  const newPods = plural(pods, 'new pod');
  if (w.ref.kind !== 'DaemonSet') return `${newPods} cannot be scheduled beside the ${w.podsBefore} running ones`;
  const meanwhile = w.rollout!.maxSurge
    ? 'keeping the old pod'
    : `running no pod of it (maxUnavailable ${w.rollout!.maxUnavailable})`;
  return `${w.rollout!.updatedNodes} of ${w.podsAfter} nodes updated; ${newPods} cannot be scheduled, ${pods === 1 ? 'its node' : 'their nodes'} ${meanwhile}`;
}

function consequenceOf(change: ObjectChange, sides: Sides): WorkloadConsequence | undefined {
  // Unchanged and unmanaged objects have none: their pods are not even counted.
  if (change.action !== 'create' && change.action !== 'update' && change.action !== 'delete') return undefined;
  const now = sides.before.get(change.ref);
  const next = sides.after.get(change.ref);
  const podsBefore = now ? sides.before.pods(now).filter(isScheduled).length : 0;
  const nextPods = next ? sides.after.pods(next) : [];
  const podsAfter = next ? wantedPods(next, nextPods.length) : 0;
  const pending = nextPods.filter((p) => !isScheduled(p));
  const base: WorkloadConsequence = { ref: change.ref, change: 'scale', podsBefore, podsAfter };
  if (pending.length)
    base.unschedulable = {
      pods: pending.length,
      message: sides.unschedulable.get(uidOf(pending[0]!)) ?? 'not scheduled',
    };

  if (change.action === 'create' && next) return { ...base, change: 'create' };
  if (change.action === 'delete') return { ...base, change: 'delete', podsAfter: 0 };
  if (change.action !== 'update' || !now || !next) return undefined;
  // A ReplicaSet does not replace its pods when its template changes; the others roll out.
  if (
    hasTrait(groupKindOf(change), 'rollsOut') &&
    !deepEqual(spec(change.before).template, spec(change.after).template)
  ) {
    return { ...base, change: 'rollout', rollout: rolloutOf(change.ref.kind, now, next, sides, pending.length) };
  }
  return podsBefore !== podsAfter || spec(now).replicas !== spec(next).replicas ? base : undefined;
}

/** Pods a workload wants: its replicas, or for a DaemonSet one per node it runs on. */
function wantedPods(workload: KubeObject, made: number): number {
  if (workload.kind === 'DaemonSet') return Number(status(workload).desiredNumberScheduled ?? made);
  const replicas = spec(workload).replicas;
  return typeof replicas !== 'number' ? made : replicas;
}

function status(object: KubeObject): JsonObject {
  return objectAt(object, 'status') ?? {};
}

function rolloutOf(kind: string, now: KubeObject, next: KubeObject, sides: Sides, pending: number): Rollout {
  const s = spec(next);
  if (kind === 'Deployment') {
    const strategy = at(s, 'strategy');
    const replicas = typeof s.replicas === 'number' ? s.replicas : 1;
    const old = sides.before
      .owned(now, 'ReplicaSet')
      .map((rs) => Number(spec(rs).replicas ?? 0))
      .filter((r) => r > 0);
    if (strategy.type === 'Recreate') {
      const steps = [
        ...old.map((from, i) => ({ replicaSet: i, from, to: 0 })),
        { replicaSet: 'new' as const, from: 0, to: replicas },
      ];
      return { strategy: 'Recreate', steps, complete: pending === 0 };
    }
    const newRs = sides.after.owned(next, 'ReplicaSet').find((rs) => sameTemplate(spec(rs).template, s.template));
    const fit = newRs ? sides.after.owned(newRs, 'Pod').filter(isScheduled).length : 0;
    const rolling = at(strategy, 'rollingUpdate');
    const planned = planRollingUpdate({
      replicas,
      maxSurge: rolling.maxSurge,
      maxUnavailable: rolling.maxUnavailable,
      oldReplicas: old,
      ...(pending ? { newPodsThatFit: fit } : {}),
    });
    return {
      strategy: 'RollingUpdate',
      parameters: planned.parameters,
      steps: planned.steps,
      complete: planned.complete,
    };
  }
  const update = at(s, 'updateStrategy');
  if (update.type === 'OnDelete') return { strategy: 'OnDelete', complete: false };
  const rolling = at(update, 'rollingUpdate');
  if (kind === 'StatefulSet') {
    const replicas = typeof s.replicas === 'number' ? s.replicas : 1;
    const partition = typeof rolling.partition === 'number' ? rolling.partition : 0;
    const start = typeof at(s, 'ordinals').start === 'number' ? (at(s, 'ordinals').start as number) : 0;
    const order = Array.from(
      { length: Math.max(0, replicas - partition) },
      (_, i) => `${nameOf(next)}-${start + replicas - 1 - i}`,
    );
    return {
      strategy: 'RollingUpdate',
      order,
      ...(partition ? { partition } : {}),
      complete: partition === 0 && pending === 0,
    };
  }
  const nodes = Number(status(next).desiredNumberScheduled ?? 0);
  const { maxSurge, maxUnavailable } = daemonUpdateLimits(rolling, nodes);
  const updatedNodes = Number(status(next).updatedNumberScheduled ?? 0);
  return {
    strategy: 'RollingUpdate',
    ...(maxSurge ? { maxSurge } : { maxUnavailable }),
    updatedNodes,
    complete: pending === 0 && updatedNodes === nodes,
  };
}
