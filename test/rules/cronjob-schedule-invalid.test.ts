import { testRule } from './rule-tester.js';

testRule('cronjob-schedule-invalid', {
  invalid: {
    'bad-schedules.yaml': [
      '7:13 schedule "0 3 * * 7" is invalid: end of range (7) above maximum (6): 7',
      '24:13 schedule "61 * * * *" is invalid: end of range (61) above maximum (59): 61',
      '41:13 schedule "0 0 3 * * *" is invalid: expected exactly 5 fields, found 6: [0 0 3 * * *]',
      '58:13 schedule "CRON_TZ=Europe/Berlin 0 3 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      '75:13 schedule "0 0 L * *" is invalid: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      '92:13 schedule "@daly" is invalid: unrecognized descriptor: @daly',
      '109:13 schedule "H 0 * * *" is invalid: failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax',
      '126:13 schedule "@hourly " is invalid: unrecognized descriptor: @hourly ',
      '143:13 schedule "@every 1h.m" is invalid: failed to parse duration @every 1h.m: time: invalid duration "1h.m"',
      '160:13 schedule "TZ=Mars/Base 0 0 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      '160:13 schedule "TZ=Mars/Base 0 0 * * *" is invalid: provided bad location Mars/Base: unknown time zone Mars/Base',
    ],
    'bad-time-zones.yaml': [
      '8:13 timeZone "utc" is invalid: unknown time zone utc',
      '26:13 timeZone "Local" is invalid: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      '44:13 timeZone "local" is invalid: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      '44:13 timeZone "local" is invalid: unknown time zone local',
      '62:13 timeZone "Mars/Base" is invalid: unknown time zone Mars/Base',
      '80:13 timeZone "Europe/Paris2026-extra-long" is invalid: unknown time zone Europe/Paris2026-extra-long',
      '98:13 timeZone "" is invalid: timeZone must be nil or non-empty string',
      '115:13 schedule "0 0 L * *" is invalid: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      '116:13 timeZone "europe/paris" is invalid: unknown time zone europe/paris',
    ],
  },
});
