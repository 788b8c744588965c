import rule from '../../rules/cronjob-deadline-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('cronjob-deadline-missing', {
  invalid: {
    'no-deadline.yaml': [
      '7:3 CronJob has no startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a deadline, even 0',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          startingDeadlineSeconds: 0
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
    },
    {
      name: 'a Job has no schedule to miss',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - {name: migrate, image: "migrate:1.0"}
      `,
    },
    {
      name: 'wrong types are left to the schema: the deadline, the schedule, the spec',
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 3 * * *"
          startingDeadlineSeconds: "600"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: "a:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: [0, 3]
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: b, image: "b:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec: "every night"
      `,
    },
    {
      name: 'a CronJob without a spec has no schedule to miss (the schema reports the missing spec)',
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
      `,
    },
    {
      name: 'suppressed on the object',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          annotations: {kubeplan.io/ignore: cronjob-deadline-missing}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'no deadline',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
      errors: [{ messageId: 'noDeadline', data: {}, line: 5, column: 3, endLine: 13, endColumn: 1 }],
    },
    {
      name: 'a deadline of null is no deadline; batch/v1beta1 CronJobs too',
      kubeVersion: '1.24',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "@hourly"
          startingDeadlineSeconds: null
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [{ messageId: 'noDeadline', data: {}, line: 5, column: 3, endLine: 8, endColumn: 1 }],
    },
  ],
});
