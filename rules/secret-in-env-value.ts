import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { describeContainer } from '../src/model/containers.js';
import { DEFAULT_SECRET_NAME_PATTERN, plainTextSecrets, secretNames } from '../src/lint/secret-env-values.js';

export default defineRule<{ namePattern: string }, 'plainText'>({
  meta: {
    id: 'secret-in-env-value',
    category: 'security',
    severity: 'warning',
    profile: 'default',
    description:
      'An environment variable whose name says it holds a secret (PASSWORD, TOKEN, API_KEY, ...) has its value written in the manifest.',
    rationale:
      'A value written in the pod template is stored in plain text in the repository, in the workload object and in every ReplicaSet revision, readable by anyone who can read Deployments. Secrets exist to keep such values apart, with their own access control.',
    remediation:
      'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`).',
    target: 'pod-templates',
    notes:
      'The value itself is never printed. Not reported: names that say where a secret is rather than hold it (ending in `_NAME`, `_VERSION`, `_FILE`, `_PATH`, `_DIR`, `_REF`, `_NAMESPACE`, `_URL`, `_URI`, `_ENDPOINT`, `_TYPE`, `_LENGTH`, `_TTL`, `_MOUNT`), and values that cannot be a secret: references to other variables (`$(VAR)`), switches (`true`, `no`, `1`, ...), file paths, URLs without credentials, and numbers unless the name ends with the secret word (`MAX_TOKENS: "2048"` is a count, `DB_PASSWORD: "1234"` a password).',
    options: {
      schema: {
        type: 'object',
        properties: {
          namePattern: {
            type: 'string',
            description: 'case-insensitive regular expression of variable names that hold secrets',
          },
        },
        additionalProperties: false,
      },
      defaults: { namePattern: DEFAULT_SECRET_NAME_PATTERN },
    },
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              env:
                - name: DATABASE_PASSWORD
                  value: hunter2
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
        spec:
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              env:
                - name: DATABASE_PASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: api-secrets
                      key: database-password
      `,
    },
    messages: {
      plainText:
        '{{container}}: {{name}} is set in plain text in the manifest; reference a Secret with valueFrom.secretKeyRef',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    const containers = judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers']);
    // The detection is shared with the plan's output, which masks what this rule finds.
    for (const found of plainTextSecrets(containers, secretNames(ctx.options.namePattern))) {
      // Never the value: it is the secret.
      ctx.report({
        pointer: found.pointer,
        messageId: 'plainText',
        data: { container: describeContainer(found.container), name: found.name },
      });
    }
  },
});
