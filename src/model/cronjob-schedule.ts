import { type CronParse, type CronSchedule, parseCronSchedule } from './cron-schedule.js';
import { loadLocation, type TimeZone, timeZoneErrors, UTC } from './time-zone.js';

/**
 * A CronJob's `spec.schedule` and `spec.timeZone` as the API server judges them when the CronJob
 * is created, and as the CronJob controller then reads them. Lint reports the problems; the plan
 * lists the next runs of the CronJobs that have none.
 */

/** Why the API server refuses a CronJob's schedule or time zone, at the field concerned. */
export interface CronJobScheduleProblem {
  pointer: '/spec/schedule' | '/spec/timeZone';
  /** The field's value, as the API server quotes it. */
  value: string;
  message: string;
}

export type CronJobSchedule =
  | {
      ok: true;
      schedule: CronSchedule;
      /** The zone the schedule runs in: `spec.timeZone`, else UTC; null when this runtime cannot read the zone. */
      zone: TimeZone | null;
    }
  | { ok: false; problems: CronJobScheduleProblem[] };

/**
 * The API server's errors for a schedule on create, in its order: the parser's, then a time zone
 * written into the schedule (`TZ=`, `CRON_TZ=`, or any `TZ` at all), which only `spec.timeZone`
 * may set. Empty when it accepts the schedule.
 */
export function cronScheduleErrors(schedule: string): string[] {
  return scheduleErrors(schedule, parseCronSchedule(schedule));
}

/** The API server's text for a time zone written into the schedule. */
export const TIME_ZONE_IN_SCHEDULE = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';

function scheduleErrors(schedule: string, parsed: CronParse): string[] {
  if (schedule === '') return ['Required value'];
  const errors: string[] = [];
  if (!parsed.ok) errors.push(parsed.error);
  if (schedule.includes('TZ')) errors.push(TIME_ZONE_IN_SCHEDULE);
  return errors;
}

/**
 * Reads a CronJob's schedule and time zone; `undefined` when `spec.schedule` is not a string or
 * `spec.timeZone` is neither a string nor absent (the schema reports those).
 */
export function readCronJobSchedule(spec: Readonly<Record<string, unknown>>): CronJobSchedule | undefined {
  const { schedule, timeZone } = spec;
  if (typeof schedule !== 'string') return undefined;
  if (timeZone !== undefined && timeZone !== null && typeof timeZone !== 'string') return undefined;
  const parsed = parseCronSchedule(schedule);
  const problems: CronJobScheduleProblem[] = [
    ...scheduleErrors(schedule, parsed).map((message) => ({
      pointer: '/spec/schedule' as const,
      value: schedule,
      message,
    })),
    ...(typeof timeZone === 'string' ? timeZoneErrors(timeZone) : []).map((message) => ({
      pointer: '/spec/timeZone' as const,
      value: timeZone as string,
      message,
    })),
  ];
  if (problems.length || !parsed.ok) return { ok: false, problems };
  if (typeof timeZone !== 'string') return { ok: true, schedule: parsed.schedule, zone: UTC };
  const location = loadLocation(timeZone);
  return { ok: true, schedule: parsed.schedule, zone: location.ok ? location.zone : null };
}
