import { describe, expect, it } from '@jest/globals';
import { readCronJobSchedule } from '../../src/model/cronjob-schedule.js';
import { UTC } from '../../src/model/time-zone.js';

/**
 * A CronJob's spec.schedule and spec.timeZone: the messages are the API server's on create (its
 * CronJob validation over robfig/cron v3.0.1 and Go's LoadLocation), as cron-schedule.test.ts and
 * time-zone.test.ts check them one by one.
 */
describe('readCronJobSchedule', () => {
  it('has no time zone of a name this runtime lacks (the first to load it here)', () => {
    expect(readCronJobSchedule({ schedule: '@hourly', timeZone: 'Factory' })).toMatchObject({ ok: true, zone: null });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no schedule', {}],
    ['a schedule that is no string', { schedule: 5 }],
    ['a time zone that is a number', { schedule: '0 0 * * *', timeZone: 5 }],
    ['a time zone that is an object', { schedule: '0 0 * * *', timeZone: {} }],
  ])('leaves %s to the schema', (_, spec) => {
    expect(readCronJobSchedule(spec)).toBeUndefined();
  });

  it('runs a schedule without a time zone in UTC', () => {
    const read = readCronJobSchedule({ schedule: '@every 1h' });
    expect(read).toEqual({ ok: true, schedule: { kind: 'every', seconds: 3600 }, zone: UTC });
    expect(read?.ok && read.zone).toBe(UTC);
  });

  it('reads a null time zone as none', () => {
    const read = readCronJobSchedule({ schedule: '@every 2m', timeZone: null });
    expect(read).toEqual({ ok: true, schedule: { kind: 'every', seconds: 120 }, zone: UTC });
    expect(read?.ok && read.zone).toBe(UTC);
  });

  it('runs a schedule in its time zone', () => {
    const read = readCronJobSchedule({ schedule: '0 3 * * *', timeZone: 'America/New_York' });
    expect(read).toMatchObject({
      ok: true,
      schedule: {
        kind: 'fields',
        minute: { values: new Set([0]), star: false },
        hour: { values: new Set([3]), star: false },
      },
    });
    const zone = read?.ok ? read.zone : undefined;
    expect(zone?.name).toBe('America/New_York');
    expect(zone?.offsetAt(Date.parse('2026-01-01T00:00:00Z'))).toBe(-18000);
  });

  it('reports the schedule and the time zone, each at its field', () => {
    expect(readCronJobSchedule({ schedule: '0 0 * * 7', timeZone: 'Mars/Base' })).toEqual({
      ok: false,
      problems: [
        { pointer: '/spec/schedule', value: '0 0 * * 7', message: 'end of range (7) above maximum (6): 7' },
        { pointer: '/spec/timeZone', value: 'Mars/Base', message: 'unknown time zone Mars/Base' },
      ],
    });
  });

  it('refuses a time zone in a schedule the parser accepts', () => {
    expect(readCronJobSchedule({ schedule: 'TZ=UTC 0 0 * * *' })).toEqual({
      ok: false,
      problems: [
        {
          pointer: '/spec/schedule',
          value: 'TZ=UTC 0 0 * * *',
          message: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        },
      ],
    });
  });

  it('refuses a bad time zone with a good schedule', () => {
    expect(readCronJobSchedule({ schedule: '@daily', timeZone: '' })).toEqual({
      ok: false,
      problems: [{ pointer: '/spec/timeZone', value: '', message: 'timeZone must be nil or non-empty string' }],
    });
  });

  it('requires a schedule', () => {
    expect(readCronJobSchedule({ schedule: '', timeZone: 'UTC' })).toEqual({
      ok: false,
      problems: [{ pointer: '/spec/schedule', value: '', message: 'Required value' }],
    });
  });
});
