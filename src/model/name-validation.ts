/**
 * The name and label checks of the API server (apimachinery `pkg/util/validation`), with the
 * same limits and the same facts in their messages.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const LABEL_VALUE_MAX = 63;
const QUALIFIED_NAME_MAX = 63;

function tooLong(max: number): string {
  return `must be no more than ${max} characters`;
}

/** Go's `len`: limits count UTF-8 bytes, so `é` counts twice. */
function byteLength(value: string): number {
  return Buffer.byteLength(value);
}

/** The two checks of most validators: a length limit, then a pattern with its message. */
function syntax(value: string, max: number, pattern: RegExp, message: string): string[] {
  return [...(byteLength(value) > max ? [tooLong(max)] : []), ...(pattern.test(value) ? [] : [message])];
}

/** A DNS-1123 label (Namespace names, container names): the problems, or none. */
export function dns1123Label(value: string): string[] {
  return syntax(
    value,
    DNS1123_LABEL_MAX,
    DNS1123_LABEL,
    // A valid subdomain that is no label can only have dots (the length is checked apart).
    DNS1123_SUBDOMAIN.test(value)
      ? 'must not contain dots'
      : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  );
}

/** A DNS-1123 subdomain (most object names). */
export function dns1123Subdomain(value: string): string[] {
  return syntax(
    value,
    DNS1123_SUBDOMAIN_MAX,
    DNS1123_SUBDOMAIN,
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  );
}

const WILDCARD_DNS1123_SUBDOMAIN = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 subdomain after `*.` (an Ingress rule's wildcard host). */
export function wildcardDns1123Subdomain(value: string): string[] {
  return syntax(
    value,
    DNS1123_SUBDOMAIN_MAX,
    WILDCARD_DNS1123_SUBDOMAIN,
    "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
  );
}

/** A DNS-1035 label (Service names): like a DNS-1123 label, but starting with a letter. */
export function dns1035Label(value: string): string[] {
  return syntax(
    value,
    DNS1123_LABEL_MAX,
    DNS1035_LABEL,
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  );
}

/** A path segment name (RBAC objects): anything but `.`, `..`, or a name containing `/` or `%`. */
export function pathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  return ['/', '%'].filter((c) => value.includes(c)).map((c) => `may not contain '${c}'`);
}

const QUALIFIED_PART =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** A qualified name with an optional DNS subdomain prefix (label and annotation keys): `app.kubernetes.io/name`. */
export function qualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errors: string[] = [];
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else for (const e of dns1123Subdomain(prefix)) errors.push(`prefix part ${e}`);
  } else {
    return [
      `a qualified name ${QUALIFIED_PART}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > QUALIFIED_NAME_MAX) errors.push(`name part ${tooLong(QUALIFIED_NAME_MAX)}`);
  if (!QUALIFIED_NAME.test(name)) errors.push(`name part ${QUALIFIED_PART}`);
  return errors;
}

/** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
export function labelValue(value: string): string[] {
  return syntax(
    value,
    LABEL_VALUE_MAX,
    LABEL_VALUE,
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  );
}

/** An IANA service name (container port names): at most 15 characters, lowercase letters, digits and single hyphens, at least one letter. */
export function ianaServiceName(value: string): string[] {
  const errors: string[] = [];
  if (byteLength(value) > 15) errors.push(tooLong(15));
  if (!/^[-a-z0-9]+$/.test(value))
    errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errors.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errors.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}
