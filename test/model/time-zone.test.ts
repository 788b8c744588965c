import { describe, expect, it } from '@jest/globals';
import { civilTime, loadLocation, type TimeZone, timeZoneErrors, UTC, zonedDate } from '../../src/model/time-zone.js';

function zone(name: string): TimeZone {
  const loaded = loadLocation(name);
  if (!loaded.ok || !loaded.zone) throw new Error(`no zone ${name}`);
  return loaded.zone;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

// First in the file: each zone is loaded once, and the first load is the one that reads the runtime's data.
describe('loadLocation', () => {
  it('has no data for a name only the database knows', () => {
    expect(loadLocation('Factory')).toEqual({ ok: true, zone: null });
  });

  it('reads "", UTC and Local as UTC, and a name in the wrong case as no zone', () => {
    for (const name of ['', 'UTC', 'Local']) expect(loadLocation(name)).toEqual({ ok: true, zone: UTC });
    expect(loadLocation('utc')).toEqual({ ok: false, error: 'unknown time zone utc' });
  });

  it.each(['/etc/localtime', '\\UTC', 'a..b', 'Europe/../UTC'])(
    'refuses %j as Go does, before looking it up',
    (name) => {
      expect(loadLocation(name)).toEqual({ ok: false, error: 'time: invalid location name' });
    },
  );

  it('reads each zone once: the same zone comes back', () => {
    const vienna = zone('Europe/Vienna');
    expect(vienna.name).toBe('Europe/Vienna');
    expect(zone('Europe/Vienna')).toBe(vienna);
  });
});

describe('timeZoneErrors', () => {
  // What the API server (its validateTimeZone over Go's LoadLocation and embedded tz data) says on create.
  it.each<[string, string[]]>([
    ['UTC', []],
    ['America/New_York', []],
    ['US/Eastern', []],
    ['Etc/GMT+5', []],
    ['Etc/GMT-14', []],
    ['GMT+0', []],
    ['EST5EDT', []],
    ['Europe/Kyiv', []],
    ['Europe/Kiev', []],
    ['Asia/Calcutta', []],
    ['America/Argentina/ComodRivadavia', []],
    ['Zulu', []],
    ['Factory', []],
    ['utc', ['unknown time zone utc']],
    ['america/new_york', ['unknown time zone america/new_york']],
    ['Local', ['timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    [
      'local',
      [
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
        'unknown time zone local',
      ],
    ],
    [
      'LOCAL',
      [
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
        'unknown time zone LOCAL',
      ],
    ],
    ['', ['timeZone must be nil or non-empty string']],
    ['Mars/Base', ['unknown time zone Mars/Base']],
    ['Europe/Paris2026-extra-long', ['unknown time zone Europe/Paris2026-extra-long']],
    ['Foo/a..b', ['time: invalid location name']],
    ['/UTC', ['unknown time zone /UTC']],
    ['UTC/', ['unknown time zone UTC/']],
    ['America//New_York', ['unknown time zone America//New_York']],
    ['./UTC', ['unknown time zone ./UTC']],
    ['../etc/passwd', ['unknown time zone ../etc/passwd']],
    ['-UTC', ['unknown time zone -UTC']],
    ['America/-Foo', ['unknown time zone America/-Foo']],
    ['Europe/Paris ', ['unknown time zone Europe/Paris ']],
    ['Europe/Pari\u015b', ['unknown time zone Europe/Pari\u015b']],
    // A part that is "." or starts with "-" ends the check before Go's LoadLocation sees the "..".
    ['./a..b', ['unknown time zone ./a..b']],
    ['-a..b', ['unknown time zone -a..b']],
    ['a..b', ['time: invalid location name']],
  ])('%j: %j', (name, errors) => {
    expect(timeZoneErrors(name)).toStrictEqual(errors);
  });
});

describe('zonedDate', () => {
  // Go's time.Date for the same fields and zone, printed in UTC.
  it.each<[string, number, number, number, number, number, number, string]>([
    // Skipped by the spring change: 2:30 becomes 1:30 standard time, as Go resolves it.
    ['America/New_York', 2026, 3, 8, 2, 30, 0, '2026-03-08T06:30:00Z'],
    // Repeated by the autumn change: the first 1:30.
    ['America/New_York', 2026, 11, 1, 1, 30, 0, '2026-11-01T05:30:00Z'],
    ['America/New_York', 2026, 2, 29, 0, 0, 0, '2026-03-01T05:00:00Z'],
    ['America/New_York', 2026, 13, 1, 0, 0, 0, '2027-01-01T05:00:00Z'],
    ['America/New_York', 2026, 1, 32, 25, 61, 0, '2026-02-02T07:01:00Z'],
    ['America/Sao_Paulo', 2018, 11, 4, 0, 0, 0, '2018-11-04T02:00:00Z'],
    ['Europe/London', 2026, 3, 29, 1, 30, 0, '2026-03-29T01:30:00Z'],
    ['Europe/London', 2026, 10, 25, 1, 30, 0, '2026-10-25T01:30:00Z'],
    ['Australia/Lord_Howe', 2026, 10, 4, 2, 15, 0, '2026-10-03T15:45:00Z'],
    ['Pacific/Apia', 2011, 12, 30, 0, 0, 0, '2011-12-29T10:00:00Z'],
    ['UTC', 2100, 2, 29, 0, 0, 0, '2100-03-01T00:00:00Z'],
    ['UTC', 2000, 2, 29, 0, 0, 0, '2000-02-29T00:00:00Z'],
    ['Asia/Kathmandu', 2026, 1, 1, 0, 0, 0, '2025-12-31T18:15:00Z'],
  ])('%s %d-%d-%d %d:%d:%d is %s', (name, year, month, day, hour, minute, second, expected) => {
    expect(iso(zonedDate(zone(name), year, month, day, hour, minute, second))).toBe(expected);
  });
});

describe('civilTime', () => {
  // Go's t.In(zone) for the same instants: offset in seconds and the wall clock.
  it.each<[string, string, number, string]>([
    ['America/New_York', '2026-03-08T07:00:00Z', -14400, '2026-03-08T03:00:00 0'],
    ['America/New_York', '2026-03-08T06:59:59Z', -18000, '2026-03-08T01:59:59 0'],
    ['Asia/Kathmandu', '2026-01-01T00:00:00Z', 20700, '2026-01-01T05:45:00 4'],
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z', -7200, '2018-11-04T01:00:00 0'],
    // Paris mean time (+0:09:21) until a second that is no day boundary.
    ['Europe/Paris', '1911-03-10T23:50:38Z', 561, '1911-03-10T23:59:59 5'],
    ['Europe/Paris', '1911-03-10T23:50:39Z', 0, '1911-03-10T23:50:39 5'],
  ])('%s at %s', (name, instant, offset, wall) => {
    const z = zone(name);
    const ms = Date.parse(instant);
    expect(z.offsetAt(ms)).toBe(offset);
    const c = civilTime(z, ms);
    const pad = (n: number): string => String(n).padStart(2, '0');
    expect(
      `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} ${c.weekday}`,
    ).toBe(wall);
  });
});
