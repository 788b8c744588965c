import rule from '../../rules/cronjob-schedule-never-runs.js';
import { runRuleTests, testRule } from './rule-tester.js';

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

runRuleTests(rule, {
  valid: [
    {
      name: 'days the months have; February 29 runs in leap years; a weekday makes a day possible',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 0 28 2 *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 0 29 2 *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "0 0 30 2 1"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: d}
        spec:
          schedule: "0 0 31 1-12 *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
    {
      name: "refused schedules are cronjob-schedule-invalid's; wrong types the schema's",
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 0 31 2 7"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: [0, 0, 30, 2]
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'February 30, the 31st of short months',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 0 30 2 *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 0 31 4,6,9,11 ?"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'neverRuns',
          data: { schedule: '"0 0 30 2 *"', reason: 'none of its months has that day of the month' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 25,
        },
        {
          messageId: 'neverRuns',
          data: { schedule: '"0 0 31 4,6,9,11 ?"', reason: 'none of its months has that day of the month' },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'empty lists in a field',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: ", 0 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 0 * * ,"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'neverRuns',
          data: { schedule: '", 0 * * *"', reason: 'its minute field allows no minute' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 24,
        },
        {
          messageId: 'neverRuns',
          data: { schedule: '"0 0 * * ,"', reason: 'its day-of-week field allows no day' },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 24,
        },
      ],
    },
  ],
});
