import { defineRule } from '../src/lint/rule.js';
import { asObject } from '../src/model/json.js';

export default defineRule({
  meta: {
    id: 'cronjob-deadline-missing',
    category: 'workloads',
    severity: 'warning',
    description: 'A CronJob does not set `startingDeadlineSeconds`.',
    rationale:
      'Without a deadline the CronJob controller counts every schedule missed since the last run; after more than 100 misses (the controller down, the CronJob suspended for a while) it stops starting the job and only logs an error. A deadline limits the count to the schedules missed within it, and says how late a run may still start.',
    remediation: 'Set `spec.startingDeadlineSeconds` to how late a run may still be useful (e.g. 600).',
    target: ['CronJob.batch'],
    example: {
      invalid: 'spec:\n  schedule: "0 3 * * *"',
      valid: 'spec:\n  schedule: "0 3 * * *"\n  startingDeadlineSeconds: 600',
    },
  },
  check(ctx) {
    const spec = asObject(ctx.object.spec);
    if (spec && spec.startingDeadlineSeconds === undefined) {
      ctx.report(
        '/spec',
        'CronJob has no startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it',
      );
    }
  },
});
