import rule from '../../rules/duplicate-container-name.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('duplicate-container-name', {
  invalid: {
    'duplicates.yaml': [
      '20:17 container name "web" is already used by initContainers[0]: the API server rejects duplicate container names',
      '24:17 container name "sidecar" is already used by containers[1]: the API server rejects duplicate container names',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'distinct names across every container type',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36"}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36"}
      `,
    },
    {
      name: 'the same name in two pods',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'names that are not strings, or empty, are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: 7, image: "nginx:1.27.3"}
            - {name: 7, image: "nginx:1.27.3"}
            - {name: "", image: "nginx:1.27.3"}
            - {name: "", image: "nginx:1.27.3"}
      `,
    },
    {
      name: 'a Pod without a spec has no containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
  ],
  invalid: [
    {
      name: 'an init container and an app container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          initContainers:
            - name: app
              image: registry.example.com/shop/migrate:1.0.0
          containers:
            - name: app
              image: registry.example.com/shop/api:1.8.2
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'app', first: 'initContainers[0]' },
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'two app containers, and an ephemeral container taking a name, in a CronJob and a Pod',
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
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0"}
                    - {name: report, image: "uploader:1.0"}
                    - {name: report, image: "notifier:1.0"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: web, image: "busybox:1.36"}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'report', first: 'containers[0]' },
          line: 13,
          column: 22,
          endLine: 13,
          endColumn: 28,
        },
        {
          messageId: 'duplicate',
          data: { name: 'report', first: 'containers[0]' },
          line: 14,
          column: 22,
          endLine: 14,
          endColumn: 28,
        },
        {
          messageId: 'duplicate',
          data: { name: 'web', first: 'containers[0]' },
          line: 23,
          column: 14,
          endLine: 23,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'the first one at a two-digit index',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: c0, image: "c:1.0"}
            - {name: c1, image: "c:1.0"}
            - {name: c2, image: "c:1.0"}
            - {name: c3, image: "c:1.0"}
            - {name: c4, image: "c:1.0"}
            - {name: c5, image: "c:1.0"}
            - {name: c6, image: "c:1.0"}
            - {name: c7, image: "c:1.0"}
            - {name: c8, image: "c:1.0"}
            - {name: c9, image: "c:1.0"}
            - {name: web, image: "web:1.0"}
          ephemeralContainers:
            - {name: web, image: "busybox:1.36"}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'web', first: 'containers[10]' },
          line: 18,
          column: 14,
          endLine: 18,
          endColumn: 17,
        },
      ],
    },
  ],
});
