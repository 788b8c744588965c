import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { neverRunsReason } from '../src/model/cron-schedule.js';
import { readCronJobSchedule } from '../src/model/cronjob-schedule.js';
import { asObject } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'cronjob-schedule-never-runs',
    category: 'workloads',
    severity: 'warning',
    profile: 'default',
    description: "A CronJob's `schedule` names a time that never comes.",
    rationale:
      'The API server accepts a schedule such as `0 0 30 2 *` (February 30) or `0 0 31 4,6,9,11 *`, but the CronJob controller never finds a time to run it, and nobody notices the missing job.',
    remediation:
      'Pick a day that the months have (the last day of a month cannot be written; run on the 1st at 0:00 instead), or give a day of the week as well: `0 0 30 2 1` runs on every Monday of February.',
    target: ['CronJob.batch'],
    example: {
      invalid: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "0 0 30 2 *"
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
          schedule: "0 0 28 2 *"
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
    messages: { neverRuns: 'schedule {{schedule}} never runs: {{reason}}' },
    notes:
      'Day-of-month and day-of-week combine as the controller combines them: when either is `*` or `?`, a day must match both; otherwise either will do. Schedules the API server refuses are `cronjob-schedule-invalid`.',
  },
  check(ctx) {
    const spec = asObject(ctx.object.spec) ?? {};
    // Refused schedules are cronjob-schedule-invalid's.
    const read = readCronJobSchedule(spec);
    if (!read?.ok) return;
    const reason = neverRunsReason(read.schedule);
    if (reason)
      ctx.report({
        pointer: '/spec/schedule',
        messageId: 'neverRuns',
        data: { schedule: JSON.stringify(spec.schedule), reason },
      });
  },
});
