import { testRule } from './rule-tester.js';

testRule('cronjob-schedule-never-runs', {
  invalid: {
    'never.yaml': [
      '7:13 schedule "0 0 30 2 *" never runs: none of its months has that day of the month',
      '24:13 schedule "0 0 31 4,6,9,11 *" never runs: none of its months has that day of the month',
      '42:13 schedule "0 0 , * *" never runs: its day-of-month field allows no day',
      '59:13 schedule ", 0 * * *" never runs: its minute field allows no minute',
      '76:13 schedule "0 0 * * ," never runs: its day-of-week field allows no day',
    ],
  },
});
