import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/secret-in-env-value.js';
import { ruleFindings, runRuleTests, testRule } from './rule-tester.js';

testRule('secret-in-env-value', {
  invalid: {
    'plain-values.yaml': [
      '23:22 container "web": DATABASE_PASSWORD is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
      '25:22 container "web": stripe_api_key is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
    ],
  },
});

describe('secret-in-env-value', () => {
  it('uses the configured name pattern', async () => {
    const config = { rules: { 'secret-in-env-value': { options: { namePattern: '^LOG_' } } } };
    expect(
      await ruleFindings('secret-in-env-value', ['fixtures/rules/secret-in-env-value/invalid/plain-values.yaml'], {
        config,
      }),
    ).toEqual([
      '21:22 container "web": LOG_LEVEL is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
    ]);
  });

  it('never prints the value', async () => {
    const findings = await ruleFindings('secret-in-env-value', [
      'fixtures/rules/secret-in-env-value/invalid/plain-values.yaml',
    ]);
    expect(findings.join('\n')).not.toMatch(/hunter2|sk_live/);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a Pod without a spec has no pod template to check',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
    {
      name: 'secrets by secretKeyRef; plain values of other names; references to other variables',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: DATABASE_PASSWORD, valueFrom: {secretKeyRef: {name: api, key: password}}}
                - {name: LOG_LEVEL, value: info}
                - {name: API_TOKEN, value: "$(TOKEN_FROM_SECRET)"}
                - {name: DB_PASSWORD, value: "$(A)$(B)"}
                - {name: EMPTY_SECRET, value: ""}
      `,
    },
    {
      name: 'names of where a secret is, and values that cannot be one: switches, paths, URLs, counts',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: WEBHOOK_SECRET_NAME, value: webhook-certs}
                - {name: SECRET_VERSION, value: latest}
                - {name: POSTGRES_PASSWORD_FILE, value: /run/secrets/db}
                - {name: TOKEN_URL, value: "https://user:pass@auth.example.com/token"}
                - {name: mysql-secret-namespace, value: data}
                - {name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "1"}
                - {name: MYSQL_RANDOM_ROOT_PASSWORD, value: "yes"}
                - {name: SKIP_TOKEN, value: "False"}
                - {name: GOOGLE_APPLICATION_CREDENTIALS, value: /var/secrets/google/key.json}
                - {name: KUBE_TOKEN, value: ./token}
                - {name: CREDENTIAL_HELPER, value: ~/bin/helper}
                - {name: OAUTH_SECRET, value: "https://vault.example.com/v1/oauth"}
                - {name: MAX_TOTAL_TOKENS, value: "2048"}
                - {name: TOKENS_PER_SECOND, value: "-1.5"}
      `,
    },
    {
      name: 'namePattern replaces the default pattern',
      options: { namePattern: '^APP_SECRET$' },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - {name: api, image: "api:1.0", env: [{name: DATABASE_PASSWORD, value: hunter2}]}
      `,
    },
    {
      name: 'a value of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - {name: api, image: "api:1.0", env: [{name: DATABASE_PASSWORD, value: 1234}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a value that ends with a reference but starts with plain text',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: API_TOKEN, value: "ghp_5678$(SUFFIX)"}
      `,
      errors: [
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'API_TOKEN' },
          line: 9,
          column: 36,
          endLine: 9,
          endColumn: 55,
        },
      ],
    },
    {
      name: 'names that look like secrets, in any case, never printing the value',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - name: DATABASE_PASSWORD
                  value: hunter2
                - {name: stripe_api_key, value: sk_live_1234}
                - {name: GITHUB_TOKEN, value: "$(X)ghp_5678"}
      `,
      errors: [
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'DATABASE_PASSWORD' },
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 25,
        },
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'stripe_api_key' },
          line: 11,
          column: 41,
          endLine: 11,
          endColumn: 53,
        },
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'GITHUB_TOKEN' },
          line: 12,
          column: 39,
          endLine: 12,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'init, sidecar and ephemeral containers',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "setup:1.0", env: [{name: AWS_ACCESS_KEY_ID, value: AKIA0000}]}
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, env: [{name: PRIVATE_KEY, value: "-----BEGIN"}]}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debug, image: "busybox:1.36", env: [{name: ADMIN_PASSWD, value: admin}]}
      `,
      errors: [
        {
          messageId: 'plainText',
          data: { container: 'init container "setup"', name: 'AWS_ACCESS_KEY_ID' },
          line: 6,
          column: 80,
          endLine: 6,
          endColumn: 88,
        },
        {
          messageId: 'plainText',
          data: { container: 'sidecar container "mesh"', name: 'PRIVATE_KEY' },
          line: 7,
          column: 97,
          endLine: 7,
          endColumn: 109,
        },
        {
          messageId: 'plainText',
          data: { container: 'ephemeral container "debug"', name: 'ADMIN_PASSWD' },
          line: 11,
          column: 78,
          endLine: 11,
          endColumn: 83,
        },
      ],
    },
    {
      name: 'a number under a name that ends with the secret word, in any case; a URL with credentials; a value that only looks like a switch',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: mysql_password, value: "1234"}
                - {name: REDIS_PASSWORD, value: "redis://:hunter2@redis:6379"}
                - {name: ADMIN_TOKEN, value: "yes-please"}
                - {name: API_KEY_PATH_SECRET, value: "/tmp"}
      `,
      errors: [
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'mysql_password' },
          line: 9,
          column: 41,
          endLine: 9,
          endColumn: 47,
        },
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'REDIS_PASSWORD' },
          line: 10,
          column: 41,
          endLine: 10,
          endColumn: 70,
        },
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'ADMIN_TOKEN' },
          line: 11,
          column: 38,
          endLine: 11,
          endColumn: 50,
        },
      ],
    },
    {
      name: 'namePattern is case-insensitive',
      options: { namePattern: '^log_' },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - {name: api, image: "api:1.0", env: [{name: LOG_LEVEL, value: info}, {name: DATABASE_PASSWORD, value: hunter2}]}
      `,
      errors: [
        {
          messageId: 'plainText',
          data: { container: 'container "api"', name: 'LOG_LEVEL' },
          line: 6,
          column: 68,
          endLine: 6,
          endColumn: 72,
        },
      ],
    },
  ],
});
