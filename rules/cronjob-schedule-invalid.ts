import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { readCronJobSchedule, TIME_ZONE_IN_SCHEDULE } from '../src/model/cronjob-schedule.js';
import { asObject } from '../src/model/json.js';
import { TIME_ZONE_NOT_EXPLICIT } from '../src/model/time-zone.js';

export default defineRule({
  meta: {
    id: 'cronjob-schedule-invalid',
    category: 'workloads',
    severity: 'error',
    profile: 'default',
    description: "A CronJob's `schedule` or `timeZone` is one the API server refuses.",
    rationale:
      'The API server validates the schedule with the standard five-field cron grammar and refuses anything else (six fields, `L`, `W`, `#`, `H`, 7 for Sunday, a time zone written into the schedule), and refuses a `timeZone` that is not a name of the IANA time zone database (names are case-sensitive: `utc` is unknown) or is `Local`. The CronJob is not created.',
    remediation:
      'Write five fields (minute hour day-of-month month day-of-week) or a descriptor such as `@daily` or `@every 1h`; set the time zone with `spec.timeZone`, e.g. `Europe/Paris` or `UTC`.',
    target: ['CronJob.batch'],
    example: {
      invalid: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "0 3 * * 7"
          timeZone: Europe/paris
          startingDeadlineSeconds: 600
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: registry.example.com/shop/report:2.3.1
      `,
      valid: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "0 3 * * 0"
          timeZone: Europe/Paris
          startingDeadlineSeconds: 600
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: report
                      image: registry.example.com/shop/report:2.3.1
      `,
    },
    // The API server's fixed texts have ids of their own, so that two problems of one field (a
    // TZ in the schedule that also fails to parse) keep distinct fingerprints.
    messages: {
      invalidSchedule: 'schedule {{value}} is invalid: {{reason}}',
      timeZoneInSchedule: `schedule {{value}} is invalid: ${TIME_ZONE_IN_SCHEDULE}`,
      invalidTimeZone: 'timeZone {{value}} is invalid: {{reason}}',
      timeZoneNotExplicit: `timeZone {{value}} is invalid: ${TIME_ZONE_NOT_EXPLICIT}`,
    },
  },
  check(ctx) {
    // A missing or mistyped schedule or time zone is a schema error.
    const read = readCronJobSchedule(asObject(ctx.object.spec) ?? {});
    if (read && !read.ok)
      for (const problem of read.problems) {
        const value = JSON.stringify(problem.value);
        const reason = problem.message;
        if (problem.pointer === '/spec/schedule')
          ctx.report({
            pointer: problem.pointer,
            ...(reason === TIME_ZONE_IN_SCHEDULE
              ? { messageId: 'timeZoneInSchedule', data: { value } }
              : { messageId: 'invalidSchedule', data: { value, reason } }),
          });
        else
          ctx.report({
            pointer: problem.pointer,
            ...(reason === TIME_ZONE_NOT_EXPLICIT
              ? { messageId: 'timeZoneNotExplicit', data: { value } }
              : { messageId: 'invalidTimeZone', data: { value, reason } }),
          });
      }
  },
});
