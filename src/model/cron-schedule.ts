import { parseGoDuration } from './go-duration.js';
import { loadLocation } from './time-zone.js';

/**
 * CronJob schedules in the standard cron grammar the API server validates them with and the
 * CronJob controller runs them by: five fields (minute hour day-of-month month day-of-week), or a
 * descriptor (`@hourly`, `@daily` or `@midnight`, `@weekly`, `@monthly`, `@yearly` or
 * `@annually`, `@every <Go duration>`). A field is a comma-separated list of `*` or `?` (every
 * value), numbers, `a-b` ranges and `/step`s; months and weekdays also by their three-letter
 * English names in any case. Day-of-week runs 0 (Sunday) to 6: there is no 7, and no `L`, `W`,
 * `#` or `H`. Error texts are the API server's, so users can search for them.
 */

/** The values one field allows; `star` when it was written `*` or `?` (without a step above 1). */
export interface CronField {
  values: ReadonlySet<number>;
  star: boolean;
}

export type CronSchedule =
  | {
      kind: 'fields';
      minute: CronField;
      hour: CronField;
      dayOfMonth: CronField;
      month: CronField;
      dayOfWeek: CronField;
    }
  /** `@every`: a fixed delay, in whole seconds, counted from the previous run. */
  | { kind: 'every'; seconds: number };

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: ReadonlyMap<string, number>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: new Map(MONTH_NAMES.map((n, i) => [n, i + 1])) };
const DAYS_OF_WEEK: Bounds = { min: 0, max: 6, names: new Map(WEEKDAY_NAMES.map((n, i) => [n, i])) };

const full = (b: Bounds): CronField => ({ values: range(b.min, b.max, 1), star: true });
const only = (value: number): CronField => ({ values: new Set([value]), star: false });

/** The schedules the descriptors stand for. */
const DESCRIPTORS: ReadonlyMap<string, CronSchedule> = new Map(
  (
    [
      [['@yearly', '@annually'], { month: only(1), dayOfMonth: only(1), hour: only(0), dayOfWeek: full(DAYS_OF_WEEK) }],
      [['@monthly'], { month: full(MONTHS), dayOfMonth: only(1), hour: only(0), dayOfWeek: full(DAYS_OF_WEEK) }],
      [['@weekly'], { month: full(MONTHS), dayOfMonth: full(DAYS_OF_MONTH), hour: only(0), dayOfWeek: only(0) }],
      [
        ['@daily', '@midnight'],
        { month: full(MONTHS), dayOfMonth: full(DAYS_OF_MONTH), hour: only(0), dayOfWeek: full(DAYS_OF_WEEK) },
      ],
      [
        ['@hourly'],
        { month: full(MONTHS), dayOfMonth: full(DAYS_OF_MONTH), hour: full(HOURS), dayOfWeek: full(DAYS_OF_WEEK) },
      ],
    ] as const
  ).flatMap(([names, fields]) =>
    names.map((name): [string, CronSchedule] => [name, { kind: 'fields', minute: only(0), ...fields }]),
  ),
);

/**
 * Go's white space (`unicode.IsSpace`), which separates the fields: JavaScript's `\s` differs
 * (it has U+FEFF, not U+0085).
 */
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${SPACE}]+`);
const EDGE_SPACES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');

/** Parses a schedule as the API server does (`cron.ParseStandard`); the error text is the API server's. */
export function parseCronSchedule(text: string): CronParse {
  if (text.length === 0) return { ok: false, error: 'empty spec string' };
  let spec = text;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    // The zone prefix is read and checked; the API server refuses a schedule with one anyway
    // (cronJobScheduleErrors), so the zone itself is not kept.
    const space = spec.indexOf(' ');
    // The API server's parser fails outright (a panic) when no space follows the zone.
    if (space === -1)
      return { ok: false, error: `no space after the time zone in ${text} (the API server fails on it)` };
    const name = spec.slice(spec.indexOf('=') + 1, space);
    const location = loadLocation(name);
    if (!location.ok) return { ok: false, error: `provided bad location ${name}: ${location.error}` };
    spec = spec.slice(space).replace(EDGE_SPACES, '');
  }
  if (spec.startsWith('@')) return parseDescriptor(spec);
  const fields = spec.split(SPACES).filter((f) => f !== '');
  if (fields.length !== 5)
    return { ok: false, error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]` };
  const parsed: CronField[] = [];
  for (const [i, bounds] of [MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK].entries()) {
    const field = parseField(fields[i]!, bounds);
    if (typeof field === 'string') return { ok: false, error: field };
    parsed.push(field);
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parsed as [
    CronField,
    CronField,
    CronField,
    CronField,
    CronField,
  ];
  return { ok: true, schedule: { kind: 'fields', minute, hour, dayOfMonth, month, dayOfWeek } };
}

function parseDescriptor(spec: string): CronParse {
  const known = DESCRIPTORS.get(spec);
  if (known) return { ok: true, schedule: known };
  const every = '@every ';
  if (!spec.startsWith(every)) return { ok: false, error: `unrecognized descriptor: ${spec}` };
  const duration = parseGoDuration(spec.slice(every.length));
  if (!duration.ok) return { ok: false, error: `failed to parse duration ${spec}: ${duration.error}` };
  // Delays under a second (zero and negative ones too) become one second; fractions of a second are dropped.
  const seconds = duration.nanoseconds <= 999_999_999n ? 1 : Number(duration.nanoseconds / 1_000_000_000n);
  return { ok: true, schedule: { kind: 'every', seconds } };
}

/** A comma-separated list of ranges; empty items are skipped, so `1,,2` is `1,2` and `,` allows nothing. */
function parseField(text: string, bounds: Bounds): CronField | string {
  const values = new Set<number>();
  let star = false;
  for (const expr of text.split(',')) {
    if (expr === '') continue;
    const range = parseRange(expr, bounds);
    if (typeof range === 'string') return range;
    for (const v of range.values) values.add(v);
    star ||= range.star;
  }
  return { values, star };
}

/** `*`, `?`, `n` or `a-b`, optionally with `/step`; `n/step` means `n-max/step`. */
function parseRange(expr: string, b: Bounds): CronField | string {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: bigint;
  let end: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // Whatever follows a star's hyphen is never read: `*-5` is `*`.
    start = BigInt(b.min);
    end = BigInt(b.max);
    star = true;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, b.names);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, b.names);
      if (typeof high === 'string') return high;
      end = high;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    const parsed = parseNonNegative(rangeAndStep[1]!);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = BigInt(b.max);
    // A star with a step is a list of values, not "every value": it matters for the day fields.
    if (step > 1n) star = false;
  } else if (rangeAndStep.length >= 3) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0n) return `step of range should be a positive number: ${expr}`;
  // Bounded by the checks above: small numbers from here on; a step, up to 2^63 - 1, still goes past the end.
  return { values: range(Number(start), Number(end), Number(step)), star };
}

function range(from: number, to: number, step: number): Set<number> {
  const values = new Set<number>();
  for (let v = from; v <= to; v += step) values.add(v);
  return values;
}

function parseIntOrName(text: string, names: ReadonlyMap<string, number> | undefined): bigint | string {
  // Go lower-cases U+0130 (İ) to a plain i, where JavaScript adds a combining dot.
  const named = names?.get(text.replaceAll('\u0130', 'i').toLowerCase());
  return named === undefined ? parseNonNegative(text) : BigInt(named);
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Go's `strconv.Atoi` (an optional sign, decimal digits, 64 bits), refusing negative numbers. */
function parseNonNegative(text: string): bigint | string {
  const fail = (why: string): string =>
    `failed to parse int from ${text}: strconv.Atoi: parsing ${goQuote(text)}: ${why}`;
  if (!/^[+-]?[0-9]+$/.test(text)) return fail('invalid syntax');
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) return fail('value out of range');
  if (n < 0n) return `negative number (${n}) not allowed: ${text}`;
  return n;
}

/**
 * Go's `strconv.Quote` for the text of one field: printable characters as they are, the rest
 * escaped. A field holds no white space (it separates the fields), so neither the space nor the
 * escapes of `\t`, `\n`, `\v`, `\f` and `\r` are needed here.
 */
function goQuote(text: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b' };
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (escapes[c]) out += escapes[c];
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c)) out += c;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // A lone surrogate: Go reads it as U+FFFD, which is printable.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Why a valid schedule can never fire, or undefined when it can: a field that allows nothing
 * (`0 0 , * *`), or days of the month that none of its months has (`0 0 30 2 *`). The API
 * server accepts such schedules. Day-of-month and day-of-week combine as the controller combines
 * them: when either is a star, a day must match both; otherwise either will do.
 */
export function neverRunsReason(schedule: CronSchedule): string | undefined {
  if (schedule.kind === 'every') return undefined;
  const { minute, hour, dayOfMonth, month, dayOfWeek } = schedule;
  if (minute.values.size === 0) return 'its minute field allows no minute';
  if (hour.values.size === 0) return 'its hour field allows no hour';
  if (month.values.size === 0) return 'its month field allows no month';
  const dayExists = [...month.values].some((m) => [...dayOfMonth.values].some((d) => d <= DAYS_IN_MONTH[m]!));
  const anyWeekday = dayOfWeek.values.size > 0;
  if (dayOfMonth.star || dayOfWeek.star) {
    if (!anyWeekday) return 'its day-of-week field allows no day';
    if (!dayExists)
      return dayOfMonth.values.size === 0
        ? 'its day-of-month field allows no day'
        : 'none of its months has that day of the month';
    return undefined;
  }
  if (dayExists || anyWeekday) return undefined;
  return dayOfMonth.values.size === 0
    ? 'its day-of-month and day-of-week fields allow no day'
    : 'none of its months has that day of the month';
}
