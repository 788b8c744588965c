import rule from '../../rules/duplicate-env-name.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('duplicate-env-name', {
  invalid: {
    'repeated.yaml': ['24:21 container "web" sets LOG_LEVEL again (first at env[0]); only the last value takes effect'],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'distinct names; the same name in two containers; envFrom does not count',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
              envFrom: [{configMapRef: {name: web}}]
              env:
                - {name: LOG_LEVEL, value: info}
                - {name: log_level, value: debug}
            - name: b
              image: nginx:1.27.3
              env: [{name: LOG_LEVEL, value: info}]
      `,
    },
    {
      name: 'names of the wrong type, and env that is not a list, are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
              env: [{name: [LOG], value: a}, {name: [LOG], value: b}, LOG=c, LOG=c]
            - name: b
              image: nginx:1.27.3
              env: {LOG: info}
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
      name: 'twice and three times, by value and by valueFrom',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: registry.example.com/web:1.4.0
              env:
                - name: LOG_LEVEL
                  value: info
                - {name: DB_HOST, value: db}
                - name: LOG_LEVEL
                  value: debug
                - {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: web, key: level}}}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { container: 'container "web"', name: 'LOG_LEVEL', first: 0 },
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 26,
        },
        {
          messageId: 'duplicate',
          data: { container: 'container "web"', name: 'LOG_LEVEL', first: 0 },
          line: 14,
          column: 18,
          endLine: 14,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'init, sidecar and ephemeral containers of a Pod',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "busybox:1.36", env: [{name: A, value: "1"}, {name: A, value: "2"}]}
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, env: [{name: B, value: "1"}, {name: B, value: "2"}]}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", env: [{name: C, value: "1"}, {name: C, value: "2"}]}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { container: 'init container "setup"', name: 'A', first: 0 },
          line: 6,
          column: 80,
          endLine: 6,
          endColumn: 81,
        },
        {
          messageId: 'duplicate',
          data: { container: 'sidecar container "mesh"', name: 'B', first: 0 },
          line: 7,
          column: 100,
          endLine: 7,
          endColumn: 101,
        },
        {
          messageId: 'duplicate',
          data: { container: 'ephemeral container "debug"', name: 'C', first: 0 },
          line: 11,
          column: 80,
          endLine: 11,
          endColumn: 81,
        },
      ],
    },
  ],
});
