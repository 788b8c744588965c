import { nextRuns } from '../../model/cron-next-run.js';
import { neverRunsReason } from '../../model/cron-schedule.js';
import { readCronJobSchedule } from '../../model/cronjob-schedule.js';
import { objectAt } from '../../model/json.js';
import type { ObjectRef } from '../../model/object-ref.js';
import type { SimulationState } from '../state.js';
import { refOf } from '../../model/object-ref.js';

export interface CronJobRuns {
  cronJob: ObjectRef;
  schedule: string;
  timeZone: string;
  suspended: boolean;
  /** The next run times after the plan's reference time (RFC 3339, UTC), none when suspended. */
  nextRuns: string[];
  /**
   * Why there are no runs, when there are none and the CronJob is not suspended: `never runs: ...`,
   * a zone kubeplan cannot read, or (a live CronJob only) a schedule the controller cannot parse.
   */
  noRuns?: string;
}

/** How many upcoming runs the plan lists per CronJob. */
export const NEXT_RUNS = 3;

/**
 * CronJobs create no pods now; the plan lists when they will next run, as the CronJob controller
 * works it out: in `spec.timeZone`, else in UTC (the controller manager's usual zone). An input
 * CronJob whose schedule or zone the API server refuses never gets here (accept-manifests.ts
 * refuses it); a live one created when validation was looser is listed with the reason the
 * controller gives (its UnparseableSchedule event) and no runs.
 */
export function cronJobSchedules(state: SimulationState): CronJobRuns[] {
  const result: CronJobRuns[] = [];
  for (const entry of state.list('CronJob', 'batch')) {
    const spec = objectAt(entry.object, 'spec') ?? {};
    const read = readCronJobSchedule(spec);
    if (!read) continue;
    const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : 'UTC';
    const suspended = spec.suspend === true;
    const listed = { cronJob: refOf(entry.object), schedule: spec.schedule as string, timeZone, suspended };
    if (!read.ok) {
      const problems = read.problems.map((p) => `${p.pointer.slice('/spec/'.length)}: ${p.message}`);
      result.push({ ...listed, nextRuns: [], noRuns: `unparseable schedule, never started: ${problems.join('; ')}` });
    } else if (suspended) result.push({ ...listed, nextRuns: [] });
    else if (!read.zone)
      result.push({ ...listed, nextRuns: [], noRuns: `no runs: kubeplan has no data for time zone ${timeZone}` });
    else {
      const runs = nextRuns(read.schedule, Date.parse(state.now), read.zone, NEXT_RUNS).map(formatTime);
      const never = runs.length === 0 ? neverRunsReason(read.schedule) : undefined;
      result.push({
        ...listed,
        nextRuns: runs,
        ...(runs.length === 0 ? { noRuns: `never runs: ${never ?? 'no run within five years'}` } : {}),
      });
    }
  }
  return result;
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
