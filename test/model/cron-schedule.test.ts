import { describe, expect, it } from '@jest/globals';
import { nextRuns } from '../../src/model/cron-next-run.js';
import { type CronSchedule, neverRunsReason, parseCronSchedule } from '../../src/model/cron-schedule.js';
import { cronScheduleErrors } from '../../src/model/cronjob-schedule.js';
import { loadLocation, type TimeZone } from '../../src/model/time-zone.js';

/**
 * Schedules with what upstream does with them: the API server's errors on create (its CronJob
 * validation over robfig/cron v3.0.1's ParseStandard), and for accepted ones the next three runs
 * after 2026-01-01T00:00:00Z as SpecSchedule.Next gives them, in UTC and in America/New_York.
 * Printed once by a throwaway Go program running that code; the values are upstream's.
 * The first rows are the behaviour table of the review that found lint and plan disagreeing.
 */
const UPSTREAM: ReadonlyArray<readonly [string, string[], string[]?, string[]?]> = [
  ['0 0 L * *', ['failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax']],
  ['0 0 * * 5L', ['failed to parse int from 5L: strconv.Atoi: parsing "5L": invalid syntax']],
  ['0 0 * * 1#2', ['failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax']],
  ['0 0 L * 1', ['failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax']],
  ['0 0 15W * *', ['failed to parse int from 15W: strconv.Atoi: parsing "15W": invalid syntax']],
  ['0 0 LW * *', ['failed to parse int from LW: strconv.Atoi: parsing "LW": invalid syntax']],
  ['H 0 * * *', ['failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax']],
  [
    '0 0 ? * *',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '? 0 * * *',
    [],
    ['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-01T05:01:00Z', '2026-01-01T05:02:00Z'],
  ],
  [
    '@hourly',
    [],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
  ],
  [
    '@daily',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '@weekly',
    [],
    ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z', '2026-01-18T00:00:00Z'],
    ['2026-01-04T05:00:00Z', '2026-01-11T05:00:00Z', '2026-01-18T05:00:00Z'],
  ],
  [
    '@monthly',
    [],
    ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-02-01T05:00:00Z', '2026-03-01T05:00:00Z'],
  ],
  [
    '@yearly',
    [],
    ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', '2028-01-01T05:00:00Z'],
  ],
  [
    '@annually',
    [],
    ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', '2028-01-01T05:00:00Z'],
  ],
  [
    '@midnight',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  ['@Hourly', ['unrecognized descriptor: @Hourly']],
  ['@EVERY 1h', ['unrecognized descriptor: @EVERY 1h']],
  ['@reboot', ['unrecognized descriptor: @reboot']],
  [' @hourly', ['expected exactly 5 fields, found 1: [@hourly]']],
  ['@hourly ', ['unrecognized descriptor: @hourly ']],
  [
    '@every 1h',
    [],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
  ],
  [
    '@every 90m',
    [],
    ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z'],
    ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z'],
  ],
  [
    '@every 1h30m',
    [],
    ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z'],
    ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z'],
  ],
  [
    '@every .5h',
    [],
    ['2026-01-01T00:30:00Z', '2026-01-01T01:00:00Z', '2026-01-01T01:30:00Z'],
    ['2026-01-01T00:30:00Z', '2026-01-01T01:00:00Z', '2026-01-01T01:30:00Z'],
  ],
  [
    '@every 1.h',
    [],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
  ],
  [
    '@every 500ms',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  [
    '@every 0s',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  [
    '@every 0',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  [
    '@every -1h',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  [
    '@every +1h',
    [],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
    ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z'],
  ],
  [
    '@every 999999999ns',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  ['@every 1h.m', ['failed to parse duration @every 1h.m: time: invalid duration "1h.m"']],
  ['@every  1h', ['failed to parse duration @every  1h: time: invalid duration " 1h"']],
  ['@every 1h ', ['failed to parse duration @every 1h : time: unknown unit "h " in duration "1h "']],
  ['@every 1d', ['failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"']],
  [
    '@every 1.5s',
    [],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
    ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z'],
  ],
  ['@every', ['unrecognized descriptor: @every']],
  ['TZ=UTC 0 0 * * *', ['cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
  ['CRON_TZ=UTC 0 0 * * *', ['cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
  [
    'TZ=Mars/Base 0 0 * * *',
    [
      'provided bad location Mars/Base: unknown time zone Mars/Base',
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ],
  [
    'TZ=UTC',
    [
      'no space after the time zone in TZ=UTC (the API server fails on it)',
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ],
  [
    '0 0 * * * TZ',
    [
      'expected exactly 5 fields, found 6: [0 0 * * * TZ]',
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ],
  ['CRON_TZ=Europe/Berlin 0 3 * * *', ['cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
  [
    '0 0 29 2 *',
    [],
    ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z', '2036-02-29T00:00:00Z'],
    ['2028-02-29T05:00:00Z', '2032-02-29T05:00:00Z', '2036-02-29T05:00:00Z'],
  ],
  ['0 0 30 2 *', [], [], []],
  ['0 0 31 4,6,9,11 *', [], [], []],
  [
    '*/15 9-17 * * 1-5',
    [],
    ['2026-01-01T09:00:00Z', '2026-01-01T09:15:00Z', '2026-01-01T09:30:00Z'],
    ['2026-01-01T14:00:00Z', '2026-01-01T14:15:00Z', '2026-01-01T14:30:00Z'],
  ],
  [
    '5/15 * * * *',
    [],
    ['2026-01-01T00:05:00Z', '2026-01-01T00:20:00Z', '2026-01-01T00:35:00Z'],
    ['2026-01-01T00:05:00Z', '2026-01-01T00:20:00Z', '2026-01-01T00:35:00Z'],
  ],
  [
    '0 0 1-31/10 * *',
    [],
    ['2026-01-11T00:00:00Z', '2026-01-21T00:00:00Z', '2026-01-31T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-11T05:00:00Z', '2026-01-21T05:00:00Z'],
  ],
  [
    '0 0 1 JAN MON',
    [],
    ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-05T05:00:00Z', '2026-01-12T05:00:00Z'],
  ],
  [
    '0 0 * jan-mar mon',
    [],
    ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
    ['2026-01-05T05:00:00Z', '2026-01-12T05:00:00Z', '2026-01-19T05:00:00Z'],
  ],
  [
    '0 0 * * SUN-MON',
    [],
    ['2026-01-04T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-11T00:00:00Z'],
    ['2026-01-04T05:00:00Z', '2026-01-05T05:00:00Z', '2026-01-11T05:00:00Z'],
  ],
  [
    '0 0 1,15 * MON-FRI',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-05T05:00:00Z'],
  ],
  ['0 0 * * MON-SUN', ['beginning of range (1) beyond end of range (0): MON-SUN']],
  ['0 0 * * 7', ['end of range (7) above maximum (6): 7']],
  ['0 0 * * 0-7', ['end of range (7) above maximum (6): 0-7']],
  [
    '0 0 * * +1',
    [],
    ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
    ['2026-01-05T05:00:00Z', '2026-01-12T05:00:00Z', '2026-01-19T05:00:00Z'],
  ],
  [
    '0 0 * * */2',
    [],
    ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-06T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-03T05:00:00Z', '2026-01-04T05:00:00Z'],
  ],
  ['0 0 0 * * *', ['expected exactly 5 fields, found 6: [0 0 0 * * *]']],
  ['0 0 * * * 2030', ['expected exactly 5 fields, found 6: [0 0 * * * 2030]']],
  ['0 3 * * 7', ['end of range (7) above maximum (6): 7']],
  ['61 * * * *', ['end of range (61) above maximum (59): 61']],
  ['0 0 3 * * *', ['expected exactly 5 fields, found 6: [0 0 3 * * *]']],
  ['@daly', ['unrecognized descriptor: @daly']],
  ['', ['Required value']],
  ['0 0 , * *', [], [], []],
  [
    '1,,2 0 * * *',
    [],
    ['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-02T00:01:00Z'],
    ['2026-01-01T05:01:00Z', '2026-01-01T05:02:00Z', '2026-01-02T05:01:00Z'],
  ],
  [
    '*-5 0 * * *',
    [],
    ['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-01T05:01:00Z', '2026-01-01T05:02:00Z'],
  ],
  ['5/ * * * *', ['failed to parse int from : strconv.Atoi: parsing "": invalid syntax']],
  ['*/0 * * * *', ['step of range should be a positive number: */0']],
  ['-1 * * * *', ['failed to parse int from : strconv.Atoi: parsing "": invalid syntax']],
  ['*/-1 * * * *', ['negative number (-1) not allowed: -1']],
  ['-0 0 * * *', ['failed to parse int from : strconv.Atoi: parsing "": invalid syntax']],
  [
    '99999999999999999999 * * * *',
    ['failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
  ],
  ['1-2-3 * * * *', ['too many hyphens: 1-2-3']],
  ['1/2/3 * * * *', ['too many slashes: 1/2/3']],
  [
    '0 0 * * FR\u0130',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-16T00:00:00Z'],
    ['2026-01-02T05:00:00Z', '2026-01-09T05:00:00Z', '2026-01-16T05:00:00Z'],
  ],
  [
    '0 0 * * fri',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-16T00:00:00Z'],
    ['2026-01-02T05:00:00Z', '2026-01-09T05:00:00Z', '2026-01-16T05:00:00Z'],
  ],
  ['0 0 * Sept *', ['failed to parse int from Sept: strconv.Atoi: parsing "Sept": invalid syntax']],
  [
    '0\t0\t*\t*\t*',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '0 0 * * *\n',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '0 0 1 * 1',
    [],
    ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-05T05:00:00Z', '2026-01-12T05:00:00Z'],
  ],
  [
    '0 0 1 * */1',
    [],
    ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-02-01T05:00:00Z', '2026-03-01T05:00:00Z'],
  ],
  [
    '0 0 */1 * 1',
    [],
    ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'],
    ['2026-01-05T05:00:00Z', '2026-01-12T05:00:00Z', '2026-01-19T05:00:00Z'],
  ],
  [
    '0 0 ?/2 * 1',
    [],
    ['2026-01-03T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-03T05:00:00Z', '2026-01-05T05:00:00Z'],
  ],
  ['5-3 * * * *', ['beginning of range (5) beyond end of range (3): 5-3']],
  ['0 24 * * *', ['end of range (24) above maximum (23): 24']],
  ['0 0 0 * *', ['beginning of range (0) below minimum (1): 0']],
  ['0 0 32 * *', ['end of range (32) above maximum (31): 32']],
  ['0 0 * 0 *', ['beginning of range (0) below minimum (1): 0']],
  ['0 0 * 13 *', ['end of range (13) above maximum (12): 13']],
  [
    '0 0 * * sun-sat',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '30 2 * * *',
    [],
    ['2026-01-01T02:30:00Z', '2026-01-02T02:30:00Z', '2026-01-03T02:30:00Z'],
    ['2026-01-01T07:30:00Z', '2026-01-02T07:30:00Z', '2026-01-03T07:30:00Z'],
  ],
  ['0 0 * * 0x1', ['failed to parse int from 0x1: strconv.Atoi: parsing "0x1": invalid syntax']],
  [
    ' 0 0 * * *',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '0 0\u00a0* * *',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  [
    '0 0\u0085* * *',
    [],
    ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'],
    ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z'],
  ],
  ['0 0\ufeff* * *', ['expected exactly 5 fields, found 4: [0 0\ufeff* * *]']],
  ['1-x * * * *', ['failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax']],
  [
    '0 1-10/5 * * *',
    [],
    ['2026-01-01T01:00:00Z', '2026-01-01T06:00:00Z', '2026-01-02T01:00:00Z'],
    ['2026-01-01T06:00:00Z', '2026-01-01T11:00:00Z', '2026-01-02T06:00:00Z'],
  ],
  [
    '0 0 * * */9223372036854775807',
    [],
    ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z', '2026-01-18T00:00:00Z'],
    ['2026-01-04T05:00:00Z', '2026-01-11T05:00:00Z', '2026-01-18T05:00:00Z'],
  ],
  // The bounds of strconv.Atoi's 64 bits.
  ['9223372036854775807 * * * *', ['end of range (9223372036854775807) above maximum (59): 9223372036854775807']],
  [
    '9223372036854775808 * * * *',
    ['failed to parse int from 9223372036854775808: strconv.Atoi: parsing "9223372036854775808": value out of range'],
  ],
  ['*/-9223372036854775808 * * * *', ['negative number (-9223372036854775808) not allowed: -9223372036854775808']],
  [
    '*/-9223372036854775809 * * * *',
    ['failed to parse int from -9223372036854775809: strconv.Atoi: parsing "-9223372036854775809": value out of range'],
  ],
  // strconv.Quote in the error: escapes, \x for ASCII, \u and \U for the rest; printable as it is.
  ['0 0 * * 1"', ['failed to parse int from 1": strconv.Atoi: parsing "1\\"": invalid syntax']],
  ['0 0 * * 1\\', ['failed to parse int from 1\\: strconv.Atoi: parsing "1\\\\": invalid syntax']],
  ['0 0 * * 1\u0007', ['failed to parse int from 1\u0007: strconv.Atoi: parsing "1\\a": invalid syntax']],
  ['0 0 * * 1\b', ['failed to parse int from 1\b: strconv.Atoi: parsing "1\\b": invalid syntax']],
  ['0 0 * * 1\u0001', ['failed to parse int from 1\u0001: strconv.Atoi: parsing "1\\x01": invalid syntax']],
  ['0 0 * * 1\u001f', ['failed to parse int from 1\u001f: strconv.Atoi: parsing "1\\x1f": invalid syntax']],
  ['0 0 * * 1\u007f', ['failed to parse int from 1\u007f: strconv.Atoi: parsing "1\\x7f": invalid syntax']],
  ['0 0 * * 1\u0080', ['failed to parse int from 1\u0080: strconv.Atoi: parsing "1\\u0080": invalid syntax']],
  ['0 0 * * 1\u00ad', ['failed to parse int from 1\u00ad: strconv.Atoi: parsing "1\\u00ad": invalid syntax']],
  ['0 0 * * 1\ufeff', ['failed to parse int from 1\ufeff: strconv.Atoi: parsing "1\\ufeff": invalid syntax']],
  ['0 0 * * 1\u200b', ['failed to parse int from 1\u200b: strconv.Atoi: parsing "1\\u200b": invalid syntax']],
  ['0 0 * * 1\uffff', ['failed to parse int from 1\uffff: strconv.Atoi: parsing "1\\uffff": invalid syntax']],
  ['0 0 * * 1\u{e0001}', ['failed to parse int from 1\u{e0001}: strconv.Atoi: parsing "1\\U000e0001": invalid syntax']],
  [
    '0 0 * * 1\u{10ffff}',
    ['failed to parse int from 1\u{10ffff}: strconv.Atoi: parsing "1\\U0010ffff": invalid syntax'],
  ],
  ['0 0 * * 1e\u0301', ['failed to parse int from 1e\u0301: strconv.Atoi: parsing "1e\u0301": invalid syntax']],
  ['0 0 * * 1\ufffd', ['failed to parse int from 1\ufffd: strconv.Atoi: parsing "1\ufffd": invalid syntax']],
  ['0 0 * * 1\u{10000}', ['failed to parse int from 1\u{10000}: strconv.Atoi: parsing "1\u{10000}": invalid syntax']],
  ['0 0 * * 1\u00e9', ['failed to parse int from 1\u00e9: strconv.Atoi: parsing "1\u00e9": invalid syntax']],
  ['0 0 * * 1~', ['failed to parse int from 1~: strconv.Atoi: parsing "1~": invalid syntax']],
  ['0 0 * * 1\u{1f600}', ['failed to parse int from 1\u{1f600}: strconv.Atoi: parsing "1\u{1f600}": invalid syntax']],
  [
    'TZ=/UTC 0 0 * * *',
    [
      'provided bad location /UTC: time: invalid location name',
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ],
  [
    'TZ=\\UTC 0 0 * * *',
    [
      'provided bad location \\UTC: time: invalid location name',
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
  ],
];

/** Runs around time-zone changes and other edges, from upstream's SpecSchedule.Next the same way. */
const RUNS: ReadonlyArray<readonly [string, string, string, number, string[]]> = [
  [
    '30 2 * * *',
    'America/New_York',
    '2026-03-07T12:00:00Z',
    3,
    ['2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z', '2026-03-11T06:30:00Z'],
  ],
  [
    '0 2 * * *',
    'America/New_York',
    '2026-03-07T12:00:00Z',
    3,
    ['2026-03-09T06:00:00Z', '2026-03-10T06:00:00Z', '2026-03-11T06:00:00Z'],
  ],
  [
    '0 * * * *',
    'America/New_York',
    '2026-03-08T05:00:00Z',
    4,
    ['2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z', '2026-03-08T08:00:00Z', '2026-03-08T09:00:00Z'],
  ],
  [
    '*/30 2 * * *',
    'America/New_York',
    '2026-03-07T12:00:00Z',
    4,
    ['2026-03-09T06:00:00Z', '2026-03-09T06:30:00Z', '2026-03-10T06:00:00Z', '2026-03-10T06:30:00Z'],
  ],
  [
    '30 1 * * *',
    'America/New_York',
    '2026-10-31T12:00:00Z',
    3,
    ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z'],
  ],
  [
    '0 * * * *',
    'America/New_York',
    '2026-11-01T04:00:00Z',
    4,
    ['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z', '2026-11-01T08:00:00Z'],
  ],
  [
    '*/30 1 * * *',
    'America/New_York',
    '2026-11-01T04:00:00Z',
    5,
    [
      '2026-11-01T05:00:00Z',
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:00:00Z',
      '2026-11-01T06:30:00Z',
      '2026-11-02T06:00:00Z',
    ],
  ],
  [
    '@daily',
    'America/New_York',
    '2026-03-07T12:00:00Z',
    3,
    ['2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', '2026-03-10T04:00:00Z'],
  ],
  [
    '@daily',
    'America/New_York',
    '2026-10-31T12:00:00Z',
    3,
    ['2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', '2026-11-03T05:00:00Z'],
  ],
  [
    '@hourly',
    'America/New_York',
    '2026-11-01T04:30:00Z',
    3,
    ['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-01T07:00:00Z'],
  ],
  [
    '0 0 * * *',
    'America/Santiago',
    '2026-09-05T12:00:00Z',
    3,
    ['2026-09-07T03:00:00Z', '2026-09-08T03:00:00Z', '2026-09-09T03:00:00Z'],
  ],
  [
    '0 0 * * *',
    'America/Santiago',
    '2026-04-04T12:00:00Z',
    3,
    ['2026-04-05T04:00:00Z', '2026-04-06T04:00:00Z', '2026-04-07T04:00:00Z'],
  ],
  [
    '30 0 * * *',
    'America/Santiago',
    '2026-09-05T12:00:00Z',
    3,
    ['2026-09-07T03:30:00Z', '2026-09-08T03:30:00Z', '2026-09-09T03:30:00Z'],
  ],
  [
    '0 0 * * *',
    'America/Sao_Paulo',
    '2018-11-02T12:00:00Z',
    3,
    ['2018-11-03T03:00:00Z', '2018-11-05T02:00:00Z', '2018-11-06T02:00:00Z'],
  ],
  [
    '0 1 * * *',
    'America/Sao_Paulo',
    '2018-11-02T12:00:00Z',
    3,
    ['2018-11-03T04:00:00Z', '2018-11-04T03:00:00Z', '2018-11-05T03:00:00Z'],
  ],
  [
    '30 1 * * *',
    'Europe/London',
    '2026-03-28T12:00:00Z',
    3,
    ['2026-03-30T00:30:00Z', '2026-03-31T00:30:00Z', '2026-04-01T00:30:00Z'],
  ],
  [
    '30 1 * * *',
    'Europe/London',
    '2026-10-24T12:00:00Z',
    3,
    ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2026-10-26T01:30:00Z'],
  ],
  [
    '15 2 * * *',
    'Australia/Lord_Howe',
    '2026-10-03T00:00:00Z',
    3,
    ['2026-10-04T15:15:00Z', '2026-10-05T15:15:00Z', '2026-10-06T15:15:00Z'],
  ],
  [
    '0 0 29 2 *',
    'UTC',
    '2026-01-01T00:00:00Z',
    3,
    ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z', '2036-02-29T00:00:00Z'],
  ],
  ['0 0 29 2 *', 'UTC', '2093-01-01T00:00:00Z', 3, ['2096-02-29T00:00:00Z']],
  ['0 0 29 2 *', 'UTC', '2097-01-01T00:00:00Z', 3, []],
  [
    '0 0 29 2 *',
    'UTC',
    '2099-03-01T00:00:00Z',
    3,
    ['2104-02-29T00:00:00Z', '2108-02-29T00:00:00Z', '2112-02-29T00:00:00Z'],
  ],
  ['0 0 29 2 *', 'UTC', '2095-03-01T00:00:00Z', 3, ['2096-02-29T00:00:00Z']],
  ['0 0 29 2 *', 'America/New_York', '2028-02-29T04:59:59Z', 2, ['2028-02-29T05:00:00Z', '2032-02-29T05:00:00Z']],
  [
    '0 0 29 * *',
    'UTC',
    '2026-01-01T00:00:00Z',
    3,
    ['2026-01-29T00:00:00Z', '2026-03-29T00:00:00Z', '2026-04-29T00:00:00Z'],
  ],
  [
    '0 0 29 2 1',
    'UTC',
    '2026-01-01T00:00:00Z',
    3,
    ['2026-02-02T00:00:00Z', '2026-02-09T00:00:00Z', '2026-02-16T00:00:00Z'],
  ],
  [
    '0 0 31 * *',
    'UTC',
    '2026-01-01T00:00:00Z',
    4,
    ['2026-01-31T00:00:00Z', '2026-03-31T00:00:00Z', '2026-05-31T00:00:00Z', '2026-07-31T00:00:00Z'],
  ],
  ['0 0 * * *', 'Asia/Kolkata', '2026-01-01T00:00:00Z', 2, ['2026-01-01T18:30:00Z', '2026-01-02T18:30:00Z']],
  ['0 0 * * *', 'Asia/Kathmandu', '2026-01-01T00:00:00Z', 2, ['2026-01-01T18:15:00Z', '2026-01-02T18:15:00Z']],
  [
    '0 0 * * *',
    'Pacific/Apia',
    '2011-12-29T00:00:00Z',
    3,
    ['2011-12-29T10:00:00Z', '2011-12-30T10:00:00Z', '2011-12-31T10:00:00Z'],
  ],
  ['@every 1h', 'UTC', '2026-01-01T00:00:00.500Z', 2, ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z']],
  ['* * * * *', 'UTC', '2026-01-01T00:00:59.999Z', 2, ['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z']],
  ['0 0 * * *', 'UTC', '2026-01-02T00:00:00Z', 2, ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z']],
  ['0 0 1 1 *', 'UTC', '2026-01-01T00:00:00Z', 2, ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z']],
  ['59 23 31 12 *', 'UTC', '2026-12-31T23:59:00Z', 2, ['2027-12-31T23:59:00Z', '2028-12-31T23:59:00Z']],
  ['0 0 * * *', 'Etc/GMT+5', '2026-01-01T00:00:00Z', 2, ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z']],
  ['0 3 * * 0', 'Europe/Paris', '2026-03-28T00:00:00Z', 2, ['2026-03-29T01:00:00Z', '2026-04-05T01:00:00Z']],
  ['0 2 * * 0', 'Europe/Paris', '2026-03-28T00:00:00Z', 2, ['2026-04-05T00:00:00Z', '2026-04-12T00:00:00Z']],
  // Sao Paulo skipped 2018-11-04 00:00: the next day starts at 1:00, which the day search moves
  // back to 23:00 and then forward to the next midnight.
  ['0 0 * * 1', 'America/Sao_Paulo', '2018-11-02T12:00:00Z', 2, ['2018-11-05T02:00:00Z', '2018-11-12T02:00:00Z']],
  ['0 0 4 11 *', 'America/Sao_Paulo', '2018-11-02T12:00:00Z', 2, ['2019-11-04T03:00:00Z', '2020-11-04T03:00:00Z']],
  // The hour search goes from 23:00 on the 3rd to 1:00 on the 4th without passing hour 0, so
  // the day is not checked again: upstream runs on the 4th.
  ['0 1 3 11 *', 'America/Sao_Paulo', '2018-11-03T05:00:00Z', 2, ['2018-11-04T03:00:00Z', '2019-11-03T04:00:00Z']],
  // Moscow skipped 1981-04-01 00:00: the day search goes from March 31 to April 2 without
  // passing a 1st, so the month is not checked again: upstream runs on April 2.
  ['0 0 2 3 *', 'Europe/Moscow', '1981-03-03T00:00:00Z', 2, ['1981-04-01T20:00:00Z', '1982-03-01T21:00:00Z']],
  // Lord Howe goes from 1:59 to 2:30: the minute search reaches minute 30 in hour 2 without
  // passing minute 0, so the hour is not checked again: upstream runs at 2:30.
  ['30 1 * * *', 'Australia/Lord_Howe', '2026-10-03T15:01:00Z', 2, ['2026-10-03T15:30:00Z', '2026-10-04T14:30:00Z']],
  // Paris mean time (+0:09:21) ended at 23:59:59 local, which became 23:50:39: the second search
  // goes on to the next whole minute, 23:51, before checking the minute again.
  ['51,59 23 10 3 *', 'Europe/Paris', '1911-03-10T23:50:30Z', 2, ['1911-03-10T23:51:00Z', '1911-03-10T23:59:00Z']],
  // The next February 29 after 2098 is in 2104, a year past the five-year limit.
  ['0 0 29 2 *', 'UTC', '2098-03-01T00:00:00Z', 2, []],
];

function zone(name: string): TimeZone {
  const loaded = loadLocation(name);
  if (!loaded.ok || !loaded.zone) throw new Error(`no zone ${name}`);
  return loaded.zone;
}

function parsed(text: string): CronSchedule {
  const result = parseCronSchedule(text);
  if (!result.ok) throw new Error(result.error);
  return result.schedule;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const runs = (text: string, zoneName: string, after: string, count: number): string[] =>
  nextRuns(parsed(text), Date.parse(after), zone(zoneName), count).map(iso);

describe('cronScheduleErrors', () => {
  it.each(UPSTREAM.map(([text, errors]) => [text, errors] as const))('%j: %j', (text, errors) => {
    expect(cronScheduleErrors(text)).toEqual(errors);
  });
});

describe('parseCronSchedule', () => {
  it("refuses the empty string with robfig/cron's error", () => {
    expect(parseCronSchedule('')).toEqual({ ok: false, error: 'empty spec string' });
  });

  it('reads five fields into the values each allows, a star where one was written', () => {
    expect(parseCronSchedule('0-10/5 3 * 1,2 ?')).toEqual({
      ok: true,
      schedule: {
        kind: 'fields',
        minute: { values: new Set([0, 5, 10]), star: false },
        hour: { values: new Set([3]), star: false },
        dayOfMonth: { values: new Set(Array.from({ length: 31 }, (_, i) => i + 1)), star: true },
        month: { values: new Set([1, 2]), star: false },
        dayOfWeek: { values: new Set([0, 1, 2, 3, 4, 5, 6]), star: true },
      },
    });
  });

  it('reads @every as whole seconds', () => {
    expect(parseCronSchedule('@every 1m30.9s')).toEqual({ ok: true, schedule: { kind: 'every', seconds: 90 } });
  });

  // A Go string cannot hold a lone surrogate (the API server would have read U+FFFD): the quoted
  // text shows U+FFFD, as strconv.Quote prints it.
  it.each([
    ['0 0 * * 1\ud800', 'failed to parse int from 1\ud800: strconv.Atoi: parsing "1\ufffd": invalid syntax'],
    ['0 0 * * 1\udfff', 'failed to parse int from 1\udfff: strconv.Atoi: parsing "1\ufffd": invalid syntax'],
  ])('quotes a lone surrogate in %j as U+FFFD', (text, error) => {
    expect(parseCronSchedule(text)).toEqual({ ok: false, error });
  });
});

describe('nextRuns', () => {
  const accepted = UPSTREAM.filter(([, errors]) => errors.length === 0);

  it.each(accepted.map(([text, , utc]) => [text, utc ?? []] as const))('%j in UTC: %j', (text, utc) => {
    expect(runs(text, 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual(utc);
  });

  it.each(accepted.map(([text, , , ny]) => [text, ny ?? []] as const))('%j in America/New_York: %j', (text, ny) => {
    expect(runs(text, 'America/New_York', '2026-01-01T00:00:00Z', 3)).toEqual(ny);
  });

  it.each(RUNS)('%j in %s after %s (%d runs)', (text, zoneName, after, count, expected) => {
    expect(runs(text, zoneName, after, count)).toEqual(expected);
  });

  it('counts @every from the previous run on a whole second', () => {
    expect(runs('@every 90m', 'UTC', '2026-01-01T00:00:00.750Z', 2)).toEqual([
      '2026-01-01T01:30:00Z',
      '2026-01-01T03:00:00Z',
    ]);
  });

  it('gives up on a zone that skipped the day it looks for, where the controller never finishes', () => {
    // Samoa went from 2011-12-29 to 2011-12-31: December 30 never came.
    expect(runs('0 12 30 12 *', 'Pacific/Apia', '2011-12-01T00:00:00Z', 1)).toEqual([]);
  });

  it('finds nothing after an unreadable clock', () => {
    expect(nextRuns(parsed('@hourly'), Number.NaN, zone('UTC'), 3)).toEqual([]);
    expect(nextRuns(parsed('@every 1h'), Number.NaN, zone('UTC'), 3)).toEqual([]);
  });
});

describe('February 29', () => {
  it('runs in the next leap years, at midnight in the zone', () => {
    expect(runs('0 0 29 2 *', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2028-02-29T00:00:00Z',
      '2032-02-29T00:00:00Z',
      '2036-02-29T00:00:00Z',
    ]);
    expect(runs('0 0 29 2 *', 'America/New_York', '2028-02-29T04:59:59Z', 2)).toEqual([
      '2028-02-29T05:00:00Z',
      '2032-02-29T05:00:00Z',
    ]);
  });

  it('skips 2100, which is no leap year, and the search stops five years on', () => {
    expect(runs('0 0 29 2 *', 'UTC', '2093-01-01T00:00:00Z', 3)).toEqual(['2096-02-29T00:00:00Z']);
    expect(runs('0 0 29 2 *', 'UTC', '2097-01-01T00:00:00Z', 3)).toEqual([]);
    expect(runs('0 0 29 2 *', 'UTC', '2099-03-01T00:00:00Z', 1)).toEqual(['2104-02-29T00:00:00Z']);
  });

  it('is a day February has', () => {
    expect(neverRunsReason(parsed('0 0 29 2 *'))).toBeUndefined();
    expect(neverRunsReason(parsed('0 0 29 1-2 *'))).toBeUndefined();
    expect(neverRunsReason(parsed('0 0 30 2 *'))).toBe('none of its months has that day of the month');
  });
});

describe('neverRunsReason', () => {
  it.each<[string, string | undefined]>([
    ['0 0 30 2 *', 'none of its months has that day of the month'],
    ['0 0 31 4,6,9,11 *', 'none of its months has that day of the month'],
    ['0 0 30,31 2 ?', 'none of its months has that day of the month'],
    ['0 0 31 2 ,', 'none of its months has that day of the month'],
    ['0 0 , * *', 'its day-of-month field allows no day'],
    ['0 0 * * ,', 'its day-of-week field allows no day'],
    ['0 0 , * ,', 'its day-of-month and day-of-week fields allow no day'],
    ['0 0 , 1 1-2/2', undefined],
    ['0 0 , 2 ,', 'its day-of-month and day-of-week fields allow no day'],
    [', 0 * * *', 'its minute field allows no minute'],
    ['0 , * * *', 'its hour field allows no hour'],
    ['0 0 * , *', 'its month field allows no month'],
    // Day-of-week without a star: either day will do.
    ['0 0 30 2 1', undefined],
    ['0 0 31 2 */2', undefined],
    // Day-of-week as a star that keeps it (step 1): both must match, and February has no 30th.
    ['0 0 30 2 */1', 'none of its months has that day of the month'],
    ['0 0 31 1-2 *', undefined],
    ['@every 1h', undefined],
    ['@yearly', undefined],
  ])('%j: %j', (text, reason) => {
    expect(neverRunsReason(parsed(text))).toBe(reason);
  });

  it('agrees with the search: never-running schedules find no run, the others do', () => {
    for (const [text, errors] of UPSTREAM) {
      if (errors.length) continue;
      const none = runs(text, 'UTC', '2026-01-01T00:00:00Z', 1).length === 0;
      expect([text, neverRunsReason(parsed(text)) !== undefined]).toEqual([text, none]);
    }
  });
});
