import { checkCronSchedule, neverRuns } from '../src/lint/cron-schedule.js';
import { defineRule } from '../src/lint/rule.js';
import { dig } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'cronjob-schedule-invalid',
    category: 'workloads',
    severity: 'error',
    description:
      "A CronJob's `schedule` is not a cron expression the API server accepts, or names a date that never comes.",
    rationale:
      'The API server validates the schedule with the standard five-field cron grammar and rejects anything else (six fields, `L`, `W`, `#`, 7 for Sunday, `TZ=` prefixes). A schedule like `0 0 30 2 *` is accepted but never runs, and nobody notices the missing job.',
    remediation:
      'Write five fields (minute hour day-of-month month day-of-week) or a descriptor such as `@daily`; set the time zone with `spec.timeZone`, not in the schedule.',
    target: ['CronJob.batch'],
    example: {
      invalid: 'spec:\n  schedule: "0 3 * * 7"',
      valid: 'spec:\n  schedule: "0 3 * * 0"\n  timeZone: Europe/Paris',
    },
  },
  check(ctx) {
    const schedule = dig(ctx.object, 'spec', 'schedule');
    // A missing or non-string schedule is a schema error.
    if (typeof schedule !== 'string') return;
    const result = checkCronSchedule(schedule);
    if (!result.ok) ctx.report('/spec/schedule', `schedule "${schedule}" is invalid: ${result.error}`);
    else if (result.fields && neverRuns(schedule, result.fields))
      ctx.report('/spec/schedule', `schedule "${schedule}" never runs: none of its months has that day`);
  },
});
