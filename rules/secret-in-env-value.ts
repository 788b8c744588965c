import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString, indexedObjectsIn } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

const DEFAULT_PATTERN = '(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)';

export default defineRule<{ namePattern: string }, 'plainText'>({
  meta: {
    id: 'secret-in-env-value',
    category: 'security',
    severity: 'warning',
    description:
      'An environment variable whose name says it holds a secret (PASSWORD, TOKEN, API_KEY, ...) has its value written in the manifest.',
    rationale:
      'A value written in the pod template is stored in plain text in the repository, in the workload object and in every ReplicaSet revision, readable by anyone who can read Deployments. Secrets exist to keep such values apart, with their own access control.',
    remediation:
      'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`).',
    target: 'pod-templates',
    notes: 'The value itself is never printed. Values that only reference other variables (`$(VAR)`) are not reported.',
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
      defaults: { namePattern: DEFAULT_PATTERN },
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
    const pattern = new RegExp(ctx.options.namePattern, 'i');
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of indexedObjectsIn(c.container.env)) {
        const name = asString(item.name);
        const value = asString(item.value);
        if (!name || !value || /^(\$\([^)]*\))+$/.test(value) || !pattern.test(name)) continue;
        // Never the value: it is the secret.
        ctx.report({
          pointer: `${c.pointer}/env/${index}/value`,
          messageId: 'plainText',
          data: { container: describeContainer(c), name },
        });
      }
    }
  },
});
