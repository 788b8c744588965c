import rule from '../../rules/job-restart-policy.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('job-restart-policy', {
  invalid: {
    'always.yaml': [
      '9:22 restartPolicy is Always: a Job needs OnFailure or Never, and the API server rejects anything else',
      '26:11 restartPolicy is not set (it defaults to Always): a CronJob needs OnFailure or Never, and the API server rejects anything else',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a Job whose template has no spec has no pod template to check',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            metadata: {labels: {app: migrate}}
      `,
    },
    {
      name: 'OnFailure and Never, in a Job and a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - {name: migrate, image: "migrate:1.0"}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
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
      name: 'other kinds may restart Always',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          restartPolicy: Always
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a policy of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: [Never]
              containers:
                - {name: migrate, image: "migrate:1.0"}
      `,
    },
  ],
  invalid: [
    {
      name: 'not set in a Job',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              containers:
                - name: migrate
                  image: registry.example.com/shop/migrate:1.0.0
      `,
      errors: [{ messageId: 'notSet', data: { kind: 'Job' }, line: 7, column: 7, endLine: 10, endColumn: 1 }],
    },
    {
      name: 'Always in a CronJob',
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
                  restartPolicy: Always
                  containers:
                    - {name: report, image: "report:1.0"}
      `,
      errors: [
        {
          messageId: 'notAllowed',
          data: { kind: 'CronJob', policy: 'Always' },
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'a value the API server does not know (case matters)',
      malformed: true,
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: never
              containers:
                - {name: migrate, image: "migrate:1.0"}
      `,
      errors: [
        {
          messageId: 'notAllowed',
          data: { kind: 'Job', policy: 'never' },
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 27,
        },
      ],
    },
  ],
});
