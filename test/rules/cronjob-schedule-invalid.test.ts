import { testRule } from './rule-tester.js';

testRule('cronjob-schedule-invalid', {
  invalid: {
    'bad-schedules.yaml': [
      '7:13 schedule "0 3 * * 7" is invalid: end of range (7) above maximum (6): 7',
      '24:13 schedule "61 * * * *" is invalid: end of range (61) above maximum (59): 61',
      '41:13 schedule "0 0 3 * * *" is invalid: expected exactly 5 fields, found 6: [0 0 3 * * *]',
      '58:13 schedule "CRON_TZ=Europe/Berlin 0 3 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      '75:13 schedule "0 0 30 2 *" never runs: none of its months has that day',
      '92:13 schedule "@daly" is invalid: unrecognized descriptor: @daly',
    ],
  },
});
