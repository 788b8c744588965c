import type { CronField, CronSchedule } from './cron-schedule.js';
import { civilTime, type CivilTime, type TimeZone, zonedDate } from './time-zone.js';

/**
 * When a schedule fires next, as the CronJob controller works it out, step for step, so that
 * time-zone changes come out the same: a wall-clock time that a daylight-saving change skips is
 * skipped that day (`30 2 * * *` in New York does not run on the day clocks go from 2:00 to 3:00),
 * one that the change repeats runs twice, and a day whose midnight is skipped starts at its first
 * hour. The search gives up after five years: a schedule that names a date it cannot find in that
 * time (`0 0 30 2 *`, or February 29 seen from 2097) never runs.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Steps after which the search stops. A search that ends takes about two thousand at most (five
 * years of days); more only happens where a zone skipped a whole day (Samoa's 2011-12-30), on
 * which the controller itself never finishes.
 */
const STEP_LIMIT = 20_000;

/** The first run strictly after `after` (milliseconds since the epoch), or undefined when there is none. */
export function nextRun(schedule: CronSchedule, after: number, zone: TimeZone): number | undefined {
  if (!Number.isFinite(after)) return undefined;
  if (schedule.kind === 'every') {
    // A fixed delay from the previous run, on a whole second.
    return after - mod(after, SECOND) + schedule.seconds * SECOND;
  }
  const { minute, hour, month } = schedule;
  // A field that allows nothing never matches: the search would only run out its five years.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut: without it the search runs out of steps or years, and finds nothing all the same
  if (minute.values.size === 0 || hour.values.size === 0 || month.values.size === 0) return undefined;

  const clock = new Clock(zone);
  // The earliest candidate is the next whole second.
  let t = after - mod(after, SECOND) + SECOND;
  // Once a field moved forward, the smaller ones start from their lowest value.
  let added = false;
  const yearLimit = clock.at(t).year + 5;
  let steps = 0;

  /**
   * Moves `t` forward until one field matches: the first move truncates the smaller fields (once
   * per search), and a field that wraps around (a new year, month, day...) means the larger
   * fields must be checked again from the top.
   */
  const seek = (matches: () => boolean, truncate: () => void, advance: () => void, wrapped: () => boolean): Seek => {
    while (!matches()) {
      // Stryker disable next-line EqualityOperator: only a search that never ends (a skipped day) takes this many steps, so one step fewer ends the same
      if (++steps > STEP_LIMIT) return 'exhausted';
      if (!added) {
        added = true;
        truncate();
      }
      advance();
      // Stryker disable next-line StringLiteral: the search reads every outcome but 'matched' and 'exhausted' as a wrap
      if (wrapped()) return 'wrapped';
    }
    return 'matched';
  };
  const fields: ReadonlyArray<() => Seek> = [
    () =>
      seek(
        () => month.values.has(clock.at(t).month),
        () => {
          const c = clock.at(t);
          t = zonedDate(zone, c.year, c.month, 1, 0, 0, 0);
        },
        () => {
          t = clock.addDate(t, 1, 0);
        },
        // A new month starts over from the top, where the year limit is checked. (The controller
        // starts over at January only; as the year only changes there, that comes to the same.)
        () => true,
      ),
    () =>
      seek(
        () => dayMatches(schedule.dayOfMonth, schedule.dayOfWeek, clock.at(t)),
        () => {
          const c = clock.at(t);
          t = zonedDate(zone, c.year, c.month, c.day, 0, 0, 0);
        },
        () => {
          t = clock.addDate(t, 0, 1);
          // Where a day does not start at midnight (a zone change then), move to the nearest midnight-ish hour.
          const h = clock.at(t).hour;
          // Stryker disable next-line EqualityOperator: an hour of 12 here takes a 12-hour jump over midnight, which no zone in the runtime's database makes
          t += (h > 12 ? 24 - h : -h) * HOUR;
        },
        () => clock.at(t).day === 1,
      ),
    () =>
      seek(
        () => hour.values.has(clock.at(t).hour),
        () => {
          const c = clock.at(t);
          t = zonedDate(zone, c.year, c.month, c.day, c.hour, 0, 0);
        },
        () => {
          t += HOUR;
        },
        () => clock.at(t).hour === 0,
      ),
    () =>
      seek(
        () => minute.values.has(clock.at(t).minute),
        () => {
          t -= mod(t, MINUTE);
        },
        () => {
          t += MINUTE;
        },
        () => clock.at(t).minute === 0,
      ),
    // Standard schedules run at second 0.
    () =>
      seek(
        () => clock.at(t).second === 0,
        // t is on a whole second from the start: nothing to truncate.
        () => {},
        () => {
          t += SECOND;
        },
        () => clock.at(t).second === 0,
      ),
  ];

  /** One pass over the fields, largest first: the first that does not match ends it. */
  const pass = (): Seek => {
    for (const field of fields) {
      const outcome = field();
      if (outcome !== 'matched') return outcome;
    }
    return 'matched';
  };
  for (;;) {
    if (clock.at(t).year > yearLimit) return undefined;
    const outcome = pass();
    if (outcome === 'exhausted') return undefined;
    if (outcome === 'matched') return t;
  }
}

/** How a field's search ended: matched, wrapped into the next larger unit, or out of steps. */
type Seek = 'matched' | 'wrapped' | 'exhausted';

/** Up to `count` runs after `after`, each the next after the one before; fewer when the search runs out. */
export function nextRuns(schedule: CronSchedule, after: number, zone: TimeZone, count: number): number[] {
  const runs: number[] = [];
  let from = after;
  while (runs.length < count) {
    const next = nextRun(schedule, from, zone);
    if (next === undefined) break;
    runs.push(next);
    from = next;
  }
  return runs;
}

/**
 * Day-of-month and day-of-week together: when either was written as a star (`*`, `?`), a day
 * must match both (`0 0 * * 1` is every Monday); otherwise either will do (`0 0 1 * 1` runs on
 * the 1st and on Mondays).
 */
function dayMatches(dayOfMonth: CronField, dayOfWeek: CronField, c: CivilTime): boolean {
  const byDate = dayOfMonth.values.has(c.day);
  const byWeekday = dayOfWeek.values.has(c.weekday);
  return dayOfMonth.star || dayOfWeek.star ? byDate && byWeekday : byDate || byWeekday;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Wall-clock readings of one zone, remembering the last one (the search reads each instant several times). */
class Clock {
  private lastMs = Number.NaN;
  private last: CivilTime | undefined;

  constructor(private readonly zone: TimeZone) {}

  at(ms: number): CivilTime {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: a cache: reading the clock again gives the same
    if (ms !== this.lastMs || !this.last) {
      this.last = civilTime(this.zone, ms);
      this.lastMs = ms;
    }
    return this.last;
  }

  /** Go's `AddDate`: the same wall-clock time so many months and days later, carried over as `Date` does. */
  addDate(ms: number, months: number, days: number): number {
    const c = this.at(ms);
    return zonedDate(this.zone, c.year, c.month + months, c.day + days, c.hour, c.minute, c.second);
  }
}
