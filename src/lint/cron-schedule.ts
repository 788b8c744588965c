/**
 * CronJob schedules as the API server validates them: the standard five-field cron grammar
 * (minute hour day-of-month month day-of-week) with the `@hourly`-style descriptors and
 * `@every <duration>`, month and weekday names, `*`, `?`, ranges, lists and steps. Error texts
 * follow the ones the API server returns, so users can search for them.
 *
 * The cron-parser package accepts a wider grammar (seconds, `L`, `W`, `#`, 7 for Sunday) than
 * Kubernetes does, so it cannot decide what the API server rejects.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: WEEKDAYS },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** The values each field allows, when the schedule is valid. */
export type CronFields = [
  minutes: Set<number>,
  hours: Set<number>,
  days: Set<number>,
  months: Set<number>,
  weekdays: Set<number>,
];

export type CronCheck = { ok: true; fields?: CronFields } | { ok: false; error: string };

function parseNumber(text: string, names?: Readonly<Record<string, number>>): number | string {
  const named = names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(text)) return `failed to parse int from ${text}: invalid syntax`;
  const n = Number(text);
  return n < 0 ? `negative number (${n}) not allowed: ${text}` : n;
}

function parseRange(expr: string, b: Bounds, into: Set<number>): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const s = parseNumber(lowAndHigh[0]!, b.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseNumber(lowAndHigh[1]!, b.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = parseNumber(rangeAndStep[1]!);
    if (typeof s === 'string') return s;
    step = s;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  for (let v = start; v <= end; v += step) into.add(v);
  return undefined;
}

/** Go's time.ParseDuration units, for `@every 1h30m`. */
const DURATION = /^([0-9]*(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$/;

export function checkCronSchedule(schedule: string): CronCheck {
  if (schedule.length === 0) return { ok: false, error: 'empty spec string' };
  if (schedule.includes('TZ'))
    return { ok: false, error: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead' };
  if (schedule.startsWith('@')) {
    if (DESCRIPTORS.has(schedule)) return { ok: true };
    if (schedule.startsWith('@every ')) {
      const d = schedule.slice('@every '.length);
      return DURATION.test(d) && /\d/.test(d)
        ? { ok: true }
        : { ok: false, error: `failed to parse duration ${schedule}: time: invalid duration "${d}"` };
    }
    return { ok: false, error: `unrecognized descriptor: ${schedule}` };
  }
  const parts = schedule.trim().split(/\s+/);
  if (parts.length !== 5)
    return { ok: false, error: `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]` };
  const fields = FIELDS.map(() => new Set<number>()) as CronFields;
  for (let i = 0; i < 5; i++) {
    for (const expr of parts[i]!.split(',')) {
      const error = parseRange(expr, FIELDS[i]!, fields[i]!);
      if (error) return { ok: false, error };
    }
  }
  return { ok: true, fields };
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when a valid schedule can never fire: its days of the month exist in none of its months
 * (`0 0 30 2 *`). The API server accepts such schedules. When the weekday field is restricted
 * too, cron fires on either match, so the schedule does run.
 */
export function neverRuns(schedule: string, fields: CronFields): boolean {
  const [, , days, months, weekdays] = fields;
  const weekdayField = schedule.trim().split(/\s+/)[4]!;
  if (weekdays.size < 7 && weekdayField !== '*' && weekdayField !== '?') return false;
  for (const month of months) for (const day of days) if (day <= DAYS_IN_MONTH[month]!) return false;
  return true;
}
