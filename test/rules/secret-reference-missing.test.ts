import rule from '../../rules/secret-reference-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('secret-reference-missing', {
  invalid: {
    'missing-secrets.yaml': [
      '17:17 imagePullSecrets references Secret "registry-credentials", which is not in the input: the pod does not start without it',
      '31:25 volume "certs" references Secret "web-certs", which is not in the input: the pod does not start without it',
      '66:25 container "web" env API_TOKEN references Secret "api-token", which is not in the input: the pod does not start without it',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'every kind of reference to a Secret of the input',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: shop}
        stringData: {database-password: x}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          imagePullSecrets: [{name: api-secrets}]
          volumes:
            - {name: a, secret: {secretName: api-secrets}}
            - {name: b, projected: {sources: [{secret: {name: api-secrets}}]}}
          containers:
            - name: api
              image: api:1.0
              envFrom: [{secretRef: {name: api-secrets}}]
              env: [{name: DB, valueFrom: {secretKeyRef: {name: api-secrets, key: database-password}}}]
      `,
    },
    {
      name: 'optional references, and no Secret at all in the namespace',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: other}
        stringData: {database-password: x}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          imagePullSecrets: [{name: registry}]
          volumes:
            - {name: a, secret: {secretName: tls, optional: true}}
          containers:
            - {name: api, image: "api:1.0"}
      `,
    },
  ],
  invalid: [
    {
      name: 'imagePullSecrets, secret and projected volumes, envFrom and env, including an ephemeral container',
      yaml: `
        apiVersion: v1
        kind: Secret
        metadata: {name: api-secrets, namespace: shop}
        stringData: {database-password: x}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          imagePullSecrets: [{name: registry-credentials}]
          volumes:
            - {name: certs, secret: {secretName: web-certs}}
            - {name: all, projected: {sources: [{secret: {name: extra}}]}}
          containers:
            - name: api
              image: api:1.0
              env: [{name: API_TOKEN, valueFrom: {secretKeyRef: {name: api-token, key: token}}}]
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", envFrom: [{secretRef: {name: debug-secrets}}]}
      `,
      errors: [
        {
          messageId: 'missing',
          data: { via: 'imagePullSecrets', name: 'registry-credentials' },
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 49,
        },
        {
          messageId: 'missing',
          data: { via: 'volume "certs"', name: 'web-certs' },
          line: 12,
          column: 42,
          endLine: 12,
          endColumn: 51,
        },
        {
          messageId: 'missing',
          data: { via: 'volume "all"', name: 'extra' },
          line: 13,
          column: 57,
          endLine: 13,
          endColumn: 62,
        },
        {
          messageId: 'missing',
          data: { via: 'container "api" env API_TOKEN', name: 'api-token' },
          line: 17,
          column: 64,
          endLine: 17,
          endColumn: 73,
        },
        {
          messageId: 'missing',
          data: { via: 'ephemeral container "debug" envFrom', name: 'debug-secrets' },
          line: 19,
          column: 73,
          endLine: 19,
          endColumn: 86,
        },
      ],
    },
    {
      name: 'assumeComplete reports a Secret when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          imagePullSecrets: [{name: registry}]
          containers:
            - {name: api, image: "api:1.0"}
      `,
      errors: [
        {
          messageId: 'missing',
          data: { via: 'imagePullSecrets', name: 'registry' },
          line: 5,
          column: 29,
          endLine: 5,
          endColumn: 37,
        },
      ],
    },
  ],
});
