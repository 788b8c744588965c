import { type ContainerEntry, ALL_CONTAINER_TYPES, containersOf } from '../model/containers.js';
import { asString, indexedObjectsIn } from '../model/json.js';
import type { PodSpecAt } from '../model/pod-template.js';

/**
 * What the rule secret-in-env-value finds, in one place: the rule reports these values, and
 * the plan's output masks them (report/plan-redact.ts), so that a value the rule calls a secret
 * is never printed by either.
 */

/** The variable names that say they hold a secret, unless the rule's `namePattern` says otherwise. */
export const DEFAULT_SECRET_NAME_PATTERN =
  '(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)';

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

/** A compiled `namePattern`: the names that hold secrets, and those that end with the secret word. */
export interface SecretNames {
  pattern: RegExp;
  endsWithSecretWord: RegExp;
}

export function secretNames(namePattern: string = DEFAULT_SECRET_NAME_PATTERN): SecretNames {
  return { pattern: new RegExp(namePattern, 'i'), endsWithSecretWord: new RegExp(`(?:${namePattern})$`, 'i') };
}

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

/** An `env` entry whose `value` is a secret written in plain text. */
export interface PlainTextSecret {
  container: ContainerEntry;
  /** The variable's name. */
  name: string;
  /** Pointer to its `value`, from the object's root. */
  pointer: string;
}

/** The env values of the given containers (default: all of the pod's) that hold a secret in plain text. */
export function plainTextSecrets(
  containers: readonly ContainerEntry[],
  names: SecretNames = secretNames(),
): PlainTextSecret[] {
  const found: PlainTextSecret[] = [];
  for (const c of containers) {
    for (const { item, index } of indexedObjectsIn(c.container.env)) {
      const name = asString(item.name);
      const value = asString(item.value);
      if (!name || !value || !names.pattern.test(name) || !mayBeSecret(name, value, names.endsWithSecretWord)) continue;
      found.push({ container: c, name, pointer: `${c.pointer}/env/${index}/value` });
    }
  }
  return found;
}

/** The plain-text secrets in every container of a pod spec. */
export function plainTextSecretsOf(at: PodSpecAt, names?: SecretNames): PlainTextSecret[] {
  return plainTextSecrets(containersOf(at, ALL_CONTAINER_TYPES), names);
}
