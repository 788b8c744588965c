import rule from '../../rules/secret-key-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('secret-key-missing', {
  invalid: {
    'missing-key.yaml': [
      '62:24 container "web" env DATABASE_PASSWORD references key "db-password" of Secret "web-secrets", which has no such key (it has "database-password", "replica-password")',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'keys in data and stringData',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: shop}
        data: {token: dG9rZW4=}
        stringData: {database-password: x}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: a, secret: {secretName: api-secrets, items: [{key: token, path: token}]}}
          containers:
            - {name: api, image: "api:1.0", env: [{name: P, valueFrom: {secretKeyRef: {name: api-secrets, key: database-password}}}]}
      `,
    },
    {
      name: 'a Secret whose stringData has the wrong type: its keys are unknown',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: shop}
        stringData: database-password
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          containers:
            - {name: api, image: "api:1.0", env: [{name: P, valueFrom: {secretKeyRef: {name: api-secrets, key: password}}}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'the keys are listed, never the values',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: shop}
        stringData: {database-password: hunter2, replica-password: hunter3}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: DB, valueFrom: {secretKeyRef: {name: api-secrets, key: db-password}}}
                - {name: REPLICA, valueFrom: {secretKeyRef: {name: api-secrets, key: replica-pasword}}}
      `,
      errors: [
        {
          messageId: 'otherKeys',
          data: {
            via: 'container "api" env DB',
            key: 'db-password',
            name: 'api-secrets',
            keys: '"database-password", "replica-password"',
          },
          line: 14,
          column: 73,
          endLine: 14,
          endColumn: 84,
        },
        {
          messageId: 'didYouMean',
          data: {
            via: 'container "api" env REPLICA',
            key: 'replica-pasword',
            name: 'api-secrets',
            guess: 'replica-password',
          },
          line: 15,
          column: 78,
          endLine: 15,
          endColumn: 93,
        },
      ],
    },
    {
      name: 'a volume item of a Secret without keys',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: tls, namespace: shop}
        type: Opaque
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: tls, secret: {secretName: tls, items: [{key: tls.crt, path: tls.crt}]}}
          containers:
            - {name: api, image: "api:1.0"}
      `,
      errors: [
        {
          messageId: 'noKeys',
          data: { via: 'volume "tls"', key: 'tls.crt', name: 'tls' },
          line: 11,
          column: 59,
          endLine: 11,
          endColumn: 66,
        },
      ],
    },
  ],
});
