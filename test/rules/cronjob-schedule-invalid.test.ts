import rule from '../../rules/cronjob-schedule-invalid.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('cronjob-schedule-invalid', {
  invalid: {
    'bad-schedules.yaml': [
      '7:13 schedule "0 3 * * 7" is invalid: end of range (7) above maximum (6): 7',
      '24:13 schedule "61 * * * *" is invalid: end of range (61) above maximum (59): 61',
      '41:13 schedule "0 0 3 * * *" is invalid: expected exactly 5 fields, found 6: [0 0 3 * * *]',
      '58:13 schedule "CRON_TZ=Europe/Berlin 0 3 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      '75:13 schedule "0 0 L * *" is invalid: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      '92:13 schedule "@daly" is invalid: unrecognized descriptor: @daly',
      '109:13 schedule "H 0 * * *" is invalid: failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax',
      '126:13 schedule "@hourly " is invalid: unrecognized descriptor: @hourly ',
      '143:13 schedule "@every 1h.m" is invalid: failed to parse duration @every 1h.m: time: invalid duration "1h.m"',
      '160:13 schedule "TZ=Mars/Base 0 0 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      '160:13 schedule "TZ=Mars/Base 0 0 * * *" is invalid: provided bad location Mars/Base: unknown time zone Mars/Base',
    ],
    'bad-time-zones.yaml': [
      '8:13 timeZone "utc" is invalid: unknown time zone utc',
      '26:13 timeZone "Local" is invalid: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      '44:13 timeZone "local" is invalid: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      '44:13 timeZone "local" is invalid: unknown time zone local',
      '62:13 timeZone "Mars/Base" is invalid: unknown time zone Mars/Base',
      '80:13 timeZone "Europe/Paris2026-extra-long" is invalid: unknown time zone Europe/Paris2026-extra-long',
      '98:13 timeZone "" is invalid: timeZone must be nil or non-empty string',
      '115:13 schedule "0 0 L * *" is invalid: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
      '116:13 timeZone "europe/paris" is invalid: unknown time zone europe/paris',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'five fields, names, steps, descriptors, a time zone',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "*/15 9-17 * JAN-jun mon-FRI"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "@every 1h30m"
          timeZone: Europe/Paris
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "@daily"
          timeZone: UTC
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
    {
      name: 'a schedule or time zone of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: [0, 3]
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 3 * * *"
          timeZone: [UTC]
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
    {
      name: 'Jobs have no schedule',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'out of range, six fields, L',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 3 * * 7"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "0 0 L * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'invalidSchedule',
          data: { value: '"0 3 * * 7"', reason: 'end of range (7) above maximum (6): 7' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 24,
        },
        {
          messageId: 'invalidSchedule',
          data: { value: '"0 0 3 * * *"', reason: 'expected exactly 5 fields, found 6: [0 0 3 * * *]' },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 26,
        },
        {
          messageId: 'invalidSchedule',
          data: {
            value: '"0 0 L * *"',
            reason: 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
          },
          line: 19,
          column: 13,
          endLine: 19,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a time zone in the schedule that does not exist either: two problems, two ids',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "TZ=Mars/Base 0 0 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'timeZoneInSchedule',
          data: { value: '"TZ=Mars/Base 0 0 * * *"' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 37,
        },
        {
          messageId: 'invalidSchedule',
          data: {
            value: '"TZ=Mars/Base 0 0 * * *"',
            reason: 'provided bad location Mars/Base: unknown time zone Mars/Base',
          },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'time zones: Local in any case, unknown names, the wrong case',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: a}
        spec:
          schedule: "0 3 * * *"
          timeZone: local
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: b}
        spec:
          schedule: "0 3 * * *"
          timeZone: europe/paris
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'timeZoneNotExplicit',
          data: { value: '"local"' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 18,
        },
        {
          messageId: 'invalidTimeZone',
          data: { value: '"local"', reason: 'unknown time zone local' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 18,
        },
        {
          messageId: 'invalidTimeZone',
          data: { value: '"europe/paris"', reason: 'unknown time zone europe/paris' },
          line: 14,
          column: 13,
          endLine: 14,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'an empty schedule',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: ""
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'invalidSchedule',
          data: { value: '""', reason: 'Required value' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 15,
        },
      ],
    },
  ],
});
