import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asString, indexedObjectsIn } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

const DEFAULT_PATTERN = '(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)';

/** A name that says where a secret is or how it is handled, not the secret: `WEBHOOK_SECRET_NAME`, `PASSWORD_FILE`. */
const NAMES_A_SECRET = /[_.-](NAME|VERSION|FILE|PATH|DIR|REF|NAMESPACE|URL|URI|ENDPOINT|TYPE|LENGTH|TTL|MOUNT)$/i;
/** A switch (`MYSQL_ALLOW_EMPTY_PASSWORD: "1"`, `MYSQL_RANDOM_ROOT_PASSWORD: "yes"`). */
const SWITCH = /^(true|false|yes|no|on|off|y|n|0|1|enabled|disabled)$/i;
/** A file path (`/var/secrets/google/key.json`): the secret is in the file, mounted from elsewhere. */
const FILE_PATH = /^(\/|\.{1,2}\/|~\/)\S*$/;
/** A URL without credentials in it (`https://oauth.example.com/token`). */
const URL_WITHOUT_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** A variable reference (`$(TOKEN_FROM_SECRET)`), or several. */
const REFERENCES = /^(\$\([^)]*\))+$/;

/**
 * Whether the value written for `name` can be a secret. A number is one only where the name
 * ends with the secret word (`MYSQL_PASSWORD: "1234"`), not a count (`MAX_TOTAL_TOKENS: "2048"`).
 */
function mayBeSecret(name: string, value: string, endsWithSecretWord: RegExp): boolean {
  if (NAMES_A_SECRET.test(name)) return false;
  if (REFERENCES.test(value) || SWITCH.test(value) || FILE_PATH.test(value) || URL_WITHOUT_CREDENTIALS.test(value))
    return false;
  return !NUMBER.test(value) || endsWithSecretWord.test(name);
}

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
    const endsWithSecretWord = new RegExp(`(?:${ctx.options.namePattern})$`, 'i');
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      for (const { item, index } of indexedObjectsIn(c.container.env)) {
        const name = asString(item.name);
        const value = asString(item.value);
        if (!name || !value || !pattern.test(name) || !mayBeSecret(name, value, endsWithSecretWord)) continue;
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
