import { fieldOf, isInteger, isPlainObject, isString, WRONG_TYPE } from '../src/lint/field-of.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'cronjob-deadline-missing',
    category: 'workloads',
    severity: 'warning',
    profile: 'all',
    description: 'A CronJob does not set `startingDeadlineSeconds`.',
    rationale:
      'Without a deadline the CronJob controller counts every schedule missed since the last run; after more than 100 misses (the controller down, the CronJob suspended for a while) it stops starting the job and only logs an error. A deadline limits the count to the schedules missed within it, and says how late a run may still start.',
    remediation: 'Set `spec.startingDeadlineSeconds` to how late a run may still be useful (e.g. 600).',
    target: ['CronJob.batch'],
    example: {
      invalid: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "0 3 * * *"
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
          schedule: "0 3 * * *"
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
    messages: {
      noDeadline:
        'CronJob has no startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it',
    },
  },
  check(ctx) {
    // Missed schedules are counted only for a schedule: one of the wrong type is the schema's finding.
    if (fieldOf(ctx.object, ['spec'], isPlainObject) === undefined) return;
    if (fieldOf(ctx.object, ['spec', 'schedule'], isString) === WRONG_TYPE) return;
    if (fieldOf(ctx.object, ['spec', 'startingDeadlineSeconds'], isInteger) !== undefined) return;
    ctx.report({ pointer: '/spec', messageId: 'noDeadline' });
  },
});
