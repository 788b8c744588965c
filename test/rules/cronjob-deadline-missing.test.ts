import { testRule } from './rule-tester.js';

testRule('cronjob-deadline-missing', {
  invalid: {
    'no-deadline.yaml': [
      '7:3 CronJob has no startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it',
    ],
  },
});
