import { TIME_ZONE_NAMES } from './time-zone-names.js';

/**
 * Time zones as the API server and the CronJob controller use them (Go's time package over the
 * IANA database), with the offsets read from the runtime's own copy of the database (Intl).
 */
export interface TimeZone {
  readonly name: string;
  /** Seconds east of UTC at an instant (milliseconds since the epoch). */
  offsetAt(ms: number): number;
}

/** A wall-clock reading in a zone; `month` 1-12, `weekday` 0 (Sunday) to 6. */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export const UTC: TimeZone = { name: 'UTC', offsetAt: () => 0 };

const zones = new Map<string, TimeZone | null>();

/**
 * Go's `time.LoadLocation`: the zone of an IANA name (case-sensitive), UTC for `""` and `"UTC"`,
 * or Go's error. `Local`, the machine's zone in Go, is read as UTC: kubeplan assumes the
 * controller manager runs in UTC, as it usually does. `zone` is null for a name the database has
 * but this runtime's copy of it lacks (`Factory` today).
 */
export function loadLocation(name: string): { ok: true; zone: TimeZone | null } | { ok: false; error: string } {
  if (name === '' || name === 'UTC' || name === 'Local') return { ok: true, zone: UTC };
  if (name.includes('..') || name[0] === '/' || name[0] === '\\')
    return { ok: false, error: 'time: invalid location name' };
  if (!TIME_ZONE_NAMES.has(name)) return { ok: false, error: `unknown time zone ${name}` };
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = intlZone(name);
    zones.set(name, zone);
  }
  return { ok: true, zone };
}

/** One part of a zone name: no digits was the IANA rule, which a few legacy names (`Etc/GMT+5`) break. */
const NAME_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** The API server's text for `spec.timeZone: Local` (in any case). */
export const TIME_ZONE_NOT_EXPLICIT =
  'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';

/**
 * What the API server says about `spec.timeZone` on create, in its order; empty when it accepts
 * it. Each part of the name must look like an IANA name part; `Local` in any case is refused
 * (it would mean the controller manager's own zone); the name must exist.
 */
export function timeZoneErrors(timeZone: string): string[] {
  if (timeZone === '') return ['timeZone must be nil or non-empty string'];
  for (const part of timeZone.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !NAME_PART.test(part))
      return [`unknown time zone ${timeZone}`];
  const errors: string[] = [];
  if (timeZone.toLowerCase() === 'local') errors.push(TIME_ZONE_NOT_EXPLICIT);
  const loaded = loadLocation(timeZone);
  if (!loaded.ok) errors.push(loaded.error);
  return errors;
}

function intlZone(name: string): TimeZone | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const readOffset = (ms: number): number => {
    const parts: Record<string, number> = {};
    // The literal parts (`/`, `, `, `:`) go under `literal`, which is never read.
    for (const part of format.formatToParts(ms)) parts[part.type] = Number(part.value);
    const wall = utcMillis(parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return (wall - Math.floor(ms / 1000) * 1000) / 1000;
  };
  // Reading an offset through Intl is slow and a schedule search reads thousands, so offsets are
  // read once per UTC day boundary; a day whose two ends differ holds a change, found to the
  // second. This assumes a zone changes its offset at most once a day, as every zone does.
  const atBoundary = new Map<number, number>();
  const boundary = (day: number): number => {
    let offset = atBoundary.get(day);
    // Stryker disable next-line ConditionalExpression: a cache: reading the offset again gives the same
    if (offset === undefined) {
      offset = readOffset(day * DAY);
      atBoundary.set(day, offset);
    }
    return offset;
  };
  const changes = new Map<number, number>();
  return {
    name,
    offsetAt(ms) {
      const day = Math.floor(ms / DAY);
      const before = boundary(day);
      const after = boundary(day + 1);
      // Stryker disable next-line ConditionalExpression: a shortcut: the search below finds the same offset on both sides
      if (before === after) return before;
      let change = changes.get(day);
      // Stryker disable next-line ConditionalExpression: a cache: searching the change again finds the same second
      if (change === undefined) {
        // The first second of the day at which the next day's offset holds.
        let low = day * DAY;
        let high = (day + 1) * DAY;
        while (high - low > 1000) {
          const middle = low + Math.floor((high - low) / 2000) * 1000;
          if (readOffset(middle) === after) high = middle;
          else low = middle;
        }
        change = high;
        changes.set(day, change);
      }
      return ms < change ? before : after;
    },
  };
}

const DAY = 86_400_000;

/** Milliseconds since the epoch of a UTC date; out-of-range fields carry over (month 13 is January). */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The wall clock in `zone` at an instant. */
export function civilTime(zone: TimeZone, ms: number): CivilTime {
  const date = new Date(ms + zone.offsetAt(ms) * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    weekday: date.getUTCDay(),
  };
}

/**
 * Go's `time.Date` in a zone: fields out of range carry over (day 32 is the next month), and a
 * wall-clock time that a zone change skips or repeats resolves as Go resolves it: the offset in
 * force at the wall-clock time read as UTC, corrected once by the offset in force at the result.
 */
export function zonedDate(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const wall = utcMillis(year, month, day, hour, minute, second);
  return wall - zone.offsetAt(wall - zone.offsetAt(wall) * 1000) * 1000;
}
