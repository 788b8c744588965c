import { CronExpressionParser } from 'cron-parser';
import { describeRef } from '../../model/object-ref.js';
import type { ObjectRef } from '../../model/object-ref.js';
import { objectAt } from '../defaults/fields.js';
import { refOf, type SimulationState } from '../state.js';

export interface CronJobSchedule {
  cronJob: ObjectRef;
  schedule: string;
  timeZone: string;
  suspended: boolean;
  /** The next run times after the plan's reference time (RFC 3339, UTC), none when suspended. */
  nextRuns: string[];
}

/** How many upcoming runs the plan lists per CronJob. */
export const NEXT_RUNS = 3;

/**
 * CronJobs create no pods now; the plan lists when they will next run. The schedule is read in
 * `spec.timeZone`, else in UTC (the controller manager's usual zone). An unreadable schedule or
 * zone is a finding.
 */
export function cronJobSchedules(state: SimulationState): CronJobSchedule[] {
  const result: CronJobSchedule[] = [];
  for (const entry of state.list('CronJob', 'batch')) {
    const spec = objectAt(entry.object, 'spec') ?? {};
    if (typeof spec.schedule !== 'string') continue;
    const timeZone = typeof spec.timeZone === 'string' && spec.timeZone !== '' ? spec.timeZone : 'UTC';
    const suspended = spec.suspend === true;
    let nextRuns: string[] = [];
    try {
      const expression = CronExpressionParser.parse(spec.schedule, { currentDate: new Date(state.now), tz: timeZone });
      if (!suspended) for (let i = 0; i < NEXT_RUNS; i++) nextRuns.push(expression.next().toDate().toISOString().replace('.000Z', 'Z'));
    } catch (error) {
      nextRuns = [];
      state.report({
        ruleId: 'cronjob-schedule-invalid',
        severity: 'error',
        message: `${describeRef(refOf(entry.object))}: cannot read schedule ${JSON.stringify(spec.schedule)} in time zone ${timeZone}: ${(error as Error).message}`,
        origin: entry.origin,
        pointer: '/spec/schedule',
      });
      continue;
    }
    result.push({ cronJob: refOf(entry.object), schedule: spec.schedule, timeZone, suspended, nextRuns });
  }
  return result;
}
