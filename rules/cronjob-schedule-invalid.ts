import { defineRule } from '../src/lint/rule.js';
import { readCronJobSchedule } from '../src/model/cronjob-schedule.js';
import { asObject } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'cronjob-schedule-invalid',
    category: 'workloads',
    severity: 'error',
    description: "A CronJob's `schedule` or `timeZone` is one the API server refuses.",
    rationale:
      'The API server validates the schedule with the standard five-field cron grammar and refuses anything else (six fields, `L`, `W`, `#`, `H`, 7 for Sunday, a time zone written into the schedule), and refuses a `timeZone` that is not a name of the IANA time zone database (names are case-sensitive: `utc` is unknown) or is `Local`. The CronJob is not created.',
    remediation:
      'Write five fields (minute hour day-of-month month day-of-week) or a descriptor such as `@daily` or `@every 1h`; set the time zone with `spec.timeZone`, e.g. `Europe/Paris` or `UTC`.',
    target: ['CronJob.batch'],
    example: {
      invalid: 'spec:\n  schedule: "0 3 * * 7"\n  timeZone: Europe/paris',
      valid: 'spec:\n  schedule: "0 3 * * 0"\n  timeZone: Europe/Paris',
    },
  },
  check(ctx) {
    // A missing or mistyped schedule or time zone is a schema error.
    const read = readCronJobSchedule(asObject(ctx.object.spec) ?? {});
    if (read && !read.ok)
      for (const problem of read.problems) {
        const field = problem.pointer === '/spec/schedule' ? 'schedule' : 'timeZone';
        ctx.report(problem.pointer, `${field} ${JSON.stringify(problem.value)} is invalid: ${problem.message}`);
      }
  },
});
