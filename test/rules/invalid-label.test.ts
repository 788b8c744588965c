import rule from '../../rules/invalid-label.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('invalid-label', {
  invalid: {
    'bad-labels.yaml': [
      "8:32 label value \"2.4.0 (beta)\" of app.kubernetes.io/version is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "9:5 label key \"-team\" is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      "11:5 annotation key \"example.com/owner/team\" is invalid: a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      '21:17 label value "4c1e997385b8fb4ad4d1d3c7e5af7ff3f882e94d07cf5b78de9e889bc60830e6ab" of commit is invalid: must be no more than 63 characters',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'qualified keys, empty values, annotation values are free text',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
          labels: {app.kubernetes.io/name: web, team: "", example.com/tier: front.end_1}
          annotations: {kubernetes.io/description: "Any text, with spaces (and parentheses).", Example.COM/Owner: ops}
      `,
    },
    {
      name: 'the pod template of a workload, and label values of the wrong type (the schema reports them)',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {replicas: 3}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, version: 1.2.0}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a value with spaces, too long; a key with two slashes',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
          labels:
            app.kubernetes.io/version: "1.8.2 (beta)"
            a/b/c: x
            long: ${'x'.repeat(64)}
      `,
      errors: [
        {
          messageId: 'invalidLabelValue',
          data: {
            key: 'app.kubernetes.io/version',
            value: '1.8.2 (beta)',
            errors:
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 46,
        },
        {
          messageId: 'invalidLabelKey',
          data: {
            key: 'a/b/c',
            errors:
              "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
          },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
        },
        {
          messageId: 'invalidLabelValue',
          data: {
            key: 'long',
            value: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            errors: 'must be no more than 63 characters',
          },
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 75,
        },
      ],
    },
    {
      name: 'annotation keys, and the labels of a pod template, of a CronJob',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          annotations: {"bad key": x, -example.com/a: "y"}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: "-report"}}
                spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}
      `,
      errors: [
        {
          messageId: 'invalidAnnotationKey',
          data: {
            key: 'bad key',
            errors:
              "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 26,
        },
        {
          messageId: 'invalidAnnotationKey',
          data: {
            key: '-example.com/a',
            errors:
              "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
          },
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 45,
        },
        {
          messageId: 'invalidLabelValue',
          data: {
            key: 'app',
            value: '-report',
            errors:
              "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 11,
          column: 34,
          endLine: 11,
          endColumn: 43,
        },
      ],
    },
    {
      name: 'a Pod (its template is the object: checked once); two errors of a key and of a value, joined by "; "',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            -example.com/-a: x
            note: a ${'b'.repeat(62)}
        spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
      errors: [
        {
          messageId: 'invalidLabelKey',
          data: {
            key: '-example.com/-a',
            errors:
              "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 20,
        },
        {
          messageId: 'invalidLabelValue',
          data: {
            key: 'note',
            value: `a ${'b'.repeat(62)}`,
            errors:
              "must be no more than 63 characters; a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 75,
        },
      ],
    },
    {
      name: 'a pod template: label keys are not lowercased, annotation keys are, annotation values are free text',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata:
              labels: {app: web, Example.COM/tier: front}
              annotations: {Example.COM/Owner: "the shop team", "bad key": x}
            spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
      errors: [
        {
          messageId: 'invalidLabelKey',
          data: {
            key: 'Example.COM/tier',
            errors:
              "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
          },
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 42,
        },
        {
          messageId: 'invalidAnnotationKey',
          data: {
            key: 'bad key',
            errors:
              "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          },
          line: 9,
          column: 57,
          endLine: 9,
          endColumn: 66,
        },
      ],
    },
  ],
});
