import { keysText } from '../diff/consequences/config-readers.js';
import { plural } from '../model/plural.js';
import type { ConfigChange, Consequences, WorkloadConsequence } from '../diff/consequences/types.js';
import { describeRef } from '../model/object-ref.js';
import type { RolloutStep } from '../simulate/controllers/rollout.js';

/** `new 0→2`, `old 2→1` (`old#2` when several old ReplicaSets take part). */
function stepText(step: RolloutStep, oldCount: number): string {
  const which = step.replicaSet === 'new' ? 'new' : oldCount > 1 ? `old#${step.replicaSet + 1}` : 'old';
  return `${which} ${step.from}→${step.to}`;
}

function rolloutText(w: WorkloadConsequence): string {
  const r = w.rollout!;
  const replaced = `${plural(w.podsBefore, 'pod')} replaced by ${w.podsAfter} new`;
  if (r.strategy === 'OnDelete')
    return `template changed; ${w.podsBefore === 1 ? 'the pod keeps' : `the ${plural(w.podsBefore, 'pod')} keep`} the old one until deleted (OnDelete)`;
  if (r.steps) {
    const olds = new Set(r.steps.filter((s) => s.replicaSet !== 'new').map((s) => s.replicaSet)).size;
    const how =
      r.strategy === 'Recreate'
        ? 'Recreate: the old pods stop before the new ones start'
        : `RollingUpdate, maxSurge ${r.parameters!.maxSurge}, maxUnavailable ${r.parameters!.maxUnavailable}`;
    return `rolls out, ${replaced} (${how}): ${r.steps.map((s) => stepText(s, olds)).join(', ') || 'nothing to do'}`;
  }
  if (r.order) {
    const kept = r.partition ? `; pods below ordinal ${r.partition} keep the old template (partition)` : '';
    return `rolls out, ${r.order.join(', ') || 'no pod'} replaced one at a time${kept}`;
  }
  if (r.maxSurge)
    return `rolls out, ${replaced}, the new pod starting beside the old one on ${plural(r.maxSurge, 'node')} at a time`;
  return `rolls out, ${replaced}, ${plural(r.maxUnavailable ?? 1, 'node')} at a time`;
}

/** One line about a workload's pods. */
function workloadLine(w: WorkloadConsequence): string {
  if (w.ref.kind === 'CronJob') {
    return `${describeRef(w.ref)}: the job template changed; Jobs from the next run${w.nextRun ? ` (${w.nextRun})` : ''} use it, Jobs already running keep the old one`;
  }
  const what = {
    create: () => `creates ${plural(w.podsAfter, 'pod')}`,
    delete: () => `deletes its ${plural(w.podsBefore, 'pod')}`,
    scale: () => `scales ${w.podsBefore} → ${plural(w.podsAfter, 'pod')}`,
    rollout: () => rolloutText(w),
  }[w.change]();
  const stalls = w.rollout && !w.rollout.complete && w.unschedulable ? '; stalls there' : '';
  const blocked = w.unschedulable
    ? `${stalls}: ${plural(w.unschedulable.pods, 'pod')} cannot be scheduled: ${w.unschedulable.message}`
    : '';
  return `${describeRef(w.ref)}: ${what}${blocked}`;
}

/** One line about a changed config and the running pods that read it. */
function configLine(c: ConfigChange): string {
  const parts = c.readers.map((r) => {
    const what = `${describeRef(r.workload)} (${plural(r.pods, 'running pod')})`;
    const stale = [r.env ? 'its environment' : '', r.subPath ? 'its subPath mounts' : ''].filter(Boolean).join(' and ');
    const fresh = r.volumes.length
      ? `sees the new values in ${r.volumes.length === 1 ? 'volume' : 'volumes'} ${r.volumes.map((v) => `"${v}"`).join(', ')} within about a minute`
      : '';
    return `${what} ${[stale ? `keeps the old values in ${stale} until its pods restart` : '', fresh].filter(Boolean).join(', and ')}`;
  });
  return `${describeRef(c.config)}: ${keysText(c.keys)} ${c.keys.length === 1 ? 'changes' : 'change'}; ${parts.join('; ')}`;
}

/**
 * The consequences as lines people read, in the order of the report: workloads, configs,
 * Services, Ingress routes. Shared by the text and markdown reports.
 */
export function consequenceLines(consequences: Consequences): string[] {
  return [
    ...consequences.workloads.map(workloadLine),
    ...consequences.configs.map(configLine),
    ...consequences.endpoints.map(
      (e) => `${describeRef(e.service)}: ${e.before} → ${plural(e.after, 'ready endpoint')}`,
    ),
    ...consequences.routes.map(
      (r) =>
        `${describeRef(r.ingress)} ${r.host}${r.path}: ${r.before ?? '(new route)'} → ${r.after ?? '(route removed)'}`,
    ),
  ];
}
