import { CronExpressionParser } from 'cron-parser';
import { describeRef, refOf } from '../../model/object-ref.js';
import type { ObjectRef } from '../../model/object-ref.js';
import type { SimulationState } from '../state.js';
import { objectAt } from '../../model/json.js';

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
 * The next runs after `now` of a schedule as the CronJob controller reads it (robfig/cron's
 * ParseStandard, `pkg/apis/batch/validation`): five fields or a descriptor (`@hourly`, ...,
 * `@every 90m`); `TZ=` in the schedule is refused (the timeZone field says it). Throws with the
 * reason when the API server would refuse the schedule.
 */
function nextRunTimes(schedule: string, timeZone: string, now: string): string[] {
  const text = schedule.trim();
  if (text.includes('TZ')) throw new Error('cannot use TZ or CRON_TZ in schedule, use the timeZone field instead');
  const every = /^@every\s+(\S+)$/.exec(text);
  if (every) {
    // ConstantDelaySchedule: whole seconds, at least one, counted from now.
    const seconds = Math.max(1, Math.floor(goDurationSeconds(every[1]!)));
    return Array.from({ length: NEXT_RUNS }, (_, i) => formatTime(Date.parse(now) + (i + 1) * seconds * 1000));
  }
  const fields = text.split(/\s+/).length;
  if (!text.startsWith('@') && fields !== 5)
    throw new Error(`expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${fields}`);
  const expression = CronExpressionParser.parse(text, { currentDate: new Date(now), tz: timeZone });
  return Array.from({ length: NEXT_RUNS }, () => formatTime(expression.next().getTime()));
}

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** A Go duration (`1h30m`, `90s`, `1.5h`) in seconds; throws on anything else, as time.ParseDuration does. */
function goDurationSeconds(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`invalid duration "${text}"`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]!]!, 0);
}

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
    let nextRuns: string[];
    try {
      nextRuns = suspended ? [] : nextRunTimes(spec.schedule, timeZone, state.now);
    } catch (error) {
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
