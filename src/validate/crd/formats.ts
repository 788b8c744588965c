/**
 * `format` in a CRD schema as the API server checks it (Kubernetes 1.36). The API server
 * keeps only the formats its CRDs support (apiextensions-apiserver `supportedVersionedFormats`,
 * names compared without their dashes: `date-time` is `datetime`) and drops every other one, on
 * strings and on schemas without a type; `integer` keeps int32 and int64, `number` float and
 * double, which check nothing more than the type. Each kept format is checked by kube-openapi's
 * `strfmt.Default` with the same facts as here: Go's `net.ParseIP` (IPv4 leading zeros only
 * for `ipv4` and `cidr`, which parse sloppily), `net.ParseMAC`, `url.ParseRequestURI`,
 * `net/mail.ParseAddress`, `time.Parse` for dates, go-openapi's duration syntax (Go's, or
 * `3 days`), govalidator's patterns. An empty string is checked like any other.
 */

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const CREDIT_CARD =
  /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
const HEX_COLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const RGB_PART = String.raw`\s*(0|[1-9]\d?|1\d\d?|2[0-4]\d|25[0-5])\s*`;
const RGB_COLOR = new RegExp(`^rgb\\(${RGB_PART},${RGB_PART},${RGB_PART}\\)$`);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const SSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const SHORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LONG_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Go's `\s` (RE2): ASCII whitespace only. */
const GO_SPACE = '[\\t\\n\\f\\r ]';

const bytes = (s: string) => Buffer.byteLength(s);

/** An IPv4 address in dotted decimal; `sloppy` allows leading zeros (k8s.io/utils/net's parsers). */
function ipv4(s: string, sloppy: boolean): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^\d+$/.test(p) && (sloppy || p.length === 1 || p[0] !== '0') && Number(p) <= 255);
}

/** An IPv6 address as Go's `net.ParseIP` reads it (no zone), an embedded IPv4 at the end. */
function ipv6(s: string, sloppy: boolean): boolean {
  let groups = 0;
  let ellipsis = false;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = true;
    rest = rest.slice(2);
    if (rest === '') return true;
  }
  while (rest !== '') {
    const m = /^[0-9a-fA-F]{1,4}/.exec(rest);
    if (!m) return false;
    if (rest[m[0].length] === '.') {
      // An IPv4 tail: only as the last 32 bits.
      if (!ellipsis && groups !== 6) return false;
      if (groups + 2 > 8) return false;
      if (!ipv4(rest, sloppy)) return false;
      groups += 2;
      rest = '';
      break;
    }
    groups++;
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return false;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis) return false;
      ellipsis = true;
      rest = rest.slice(1);
      if (rest === '') break;
    }
    if (groups >= 8) return false;
  }
  return ellipsis ? groups < 8 : groups === 8;
}

function ip(s: string, sloppy: boolean): boolean {
  return ipv4(s, sloppy) || ipv6(s, sloppy);
}

function cidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const prefix = s.slice(slash + 1);
  if (!/^\d+$/.test(prefix)) return false;
  const bits = ipv4(addr, true) ? 32 : ipv6(addr, true) ? 128 : 0;
  return bits > 0 && Number(prefix) <= bits;
}

/** Go's `net.ParseMAC`: 6, 8 or 20 octets as `xx:xx:..`, `xx-xx-..` or `xxxx.xxxx...`. */
function mac(s: string): boolean {
  if (s.length < 14) return false;
  const hex2 = /^[0-9a-fA-F]{2}$/;
  const hex4 = /^[0-9a-fA-F]{4}$/;
  const octets = (n: number) => n === 6 || n === 8 || n === 20;
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return false;
    const parts = s.split(s[2]!);
    return octets(parts.length) && parts.every((p) => hex2.test(p));
  }
  if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return false;
    const parts = s.split('.');
    return octets(parts.length * 2) && parts.every((p) => hex4.test(p));
  }
  return false;
}

/** Go's `time.Parse("2006-01-02", s)`: the day must exist in its month. */
function date(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** strfmt's `IsDateTime`: a date, a `t`, then `hh:mm:ss[.frac](z|±hh:mm)`, case-insensitive. */
function dateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !date(parts[0]!)) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/su.exec(parts[1]!);
  return m !== null && m[1]! <= '23' && m[2]! <= '59' && m[3]! <= '59';
}

const GO_DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/u;
const SCALA_UNITS: readonly (readonly string[])[] = [
  ['ns', 'nano'],
  ['us', 'µs', 'micro'],
  ['ms', 'milli'],
  ['s', 'sec'],
  ['m', 'min'],
  ['h', 'hr', 'hour'],
  ['d', 'day'],
  ['w', 'wk', 'week'],
];

/** strfmt's `ParseDuration`: Go's syntax, else `<digits> <unit>` pairs with scala's unit names. */
function duration(s: string): boolean {
  if (s === '0' || s === '+0' || s === '-0' || GO_DURATION.test(s)) return true;
  let ok = false;
  for (const m of s.matchAll(new RegExp(`((\\d+)${GO_SPACE}*([A-Za-zµ]+))`, 'gu'))) {
    if (BigInt(m[2]!) > 2n ** 63n - 1n) return false;
    const unit = m[3]!.toLowerCase();
    for (const variants of SCALA_UNITS)
      variants.forEach((v, i) => {
        if ((i === variants.length - 1 && unit.startsWith(v)) || v === unit) ok = true;
      });
  }
  return ok;
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n >= 10) n = (n % 10) + 1;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

function isbn10(s: string): boolean {
  const v = s.replace(/[\t\n\f\r -]+/g, '');
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(v[i]);
  sum += 10 * (v[9] === 'X' ? 10 : Number(v[9]));
  return sum % 11 === 0;
}

function isbn13(s: string): boolean {
  const v = s.replace(/[\t\n\f\r -]+/g, '');
  if (!/^[0-9]{13}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 ? 3 : 1) * Number(v[i]);
  return Number(v[12]) === (10 - (sum % 10)) % 10;
}

/** Go's `%XX` escapes: each `%` followed by two hexadecimal digits. */
function escapesOk(s: string): boolean {
  return !/%(?![0-9a-fA-F]{2})/.test(s);
}

/** A host as Go's URL parser takes it: `[ipv6]`, or allowed characters with an optional numeric port. */
function hostOk(host: string): boolean {
  let name = host;
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) return false;
    const after = host.slice(end + 1);
    if (after !== '' && !/^:\d*$/.test(after)) return false;
    name = host.slice(1, end);
    return escapesOk(name);
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0) {
    if (!/^\d*$/.test(host.slice(colon + 1))) return false;
    name = host.slice(0, colon);
  }
  // Characters below 0x80 that Go escapes in a host are refused.
  return escapesOk(name) && !/[^\x80-\u{10FFFF}A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]/u.test(name);
}

/** Go's `url.ParseRequestURI`: an absolute URI, or an absolute path. */
function requestUri(s: string): boolean {
  if (s === '') return false;
  // Go's URL parser refuses ASCII control characters.
  if ([...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  if (s === '*') return true;
  if (s.startsWith(':')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  let rest = scheme ? s.slice(scheme[0].length) : s;
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (!rest.startsWith('/')) return scheme !== null;
  if (scheme && rest.startsWith('//')) {
    const authorityEnd = rest.indexOf('/', 2);
    const authority = authorityEnd < 0 ? rest.slice(2) : rest.slice(2, authorityEnd);
    rest = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    const at = authority.lastIndexOf('@');
    const userinfo = at < 0 ? '' : authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo) || !escapesOk(userinfo)) return false;
    if (!hostOk(authority.slice(at + 1))) return false;
  }
  return escapesOk(rest);
}

const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\u{10FFFF}]";
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const LOCAL = `(?:(?:${ATEXT}|\\.)+|${QUOTED})`;
const DOMAIN = `(?:${ATEXT}+(?:\\.${ATEXT}+)*|\\[[^\\[\\]\\\\]*\\])`;
const ADDR_SPEC = `${LOCAL}@${DOMAIN}`;
// One quantifier over single characters and quoted strings: no nested repetition to backtrack through.
const PHRASE = `(?:${ATEXT}|[ \\t.]|${QUOTED})+`;
const EMAIL = new RegExp(`^[ \\t]*(?:${ADDR_SPEC}|(?:${PHRASE})?[ \\t]*<${ADDR_SPEC}>)[ \\t]*$`, 'u');

/** The formats a CRD may use, by their names without dashes, each with kube-openapi's check. */
const CHECKS: Readonly<Record<string, (s: string) => boolean>> = {
  bsonobjectid: (s) => /^[0-9a-fA-F]{24}$/.test(s),
  uri: requestUri,
  email: (s) => EMAIL.test(s),
  hostname: (s) => HOSTNAME.test(s) && bytes(s) <= 255 && s.split('.').every((p) => bytes(p) <= 63),
  ipv4: (s) => ip(s, true) && s.includes('.'),
  ipv6: (s) => ip(s, false) && s.includes(':'),
  cidr,
  mac,
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  isbn: (s) => isbn10(s) || isbn13(s),
  isbn10,
  isbn13,
  creditcard: (s) => {
    const digits = s.replace(/[^0-9]+/g, '');
    return CREDIT_CARD.test(digits) && luhn(digits);
  },
  ssn: (s) => s.length === 11 && SSN.test(s),
  hexcolor: (s) => HEX_COLOR.test(s),
  rgbcolor: (s) => RGB_COLOR.test(s),
  byte: (s) => BASE64.test(s),
  password: () => true,
  date,
  duration,
  datetime: dateTime,
  k8sshortname: (s) => s.length <= 63 && SHORT_NAME.test(s),
  k8slongname: (s) => s.length <= 253 && LONG_NAME.test(s),
};

/** Spellings with dashes kept as written, for messages; others are named without their dashes. */
const DASHED = ['date-time', 'k8s-short-name', 'k8s-long-name'];

/** The numeric formats kept on `integer` and `number` schemas (checked by the type and range only). */
const NUMERIC: Readonly<Record<string, string>> = {
  int32: 'integer',
  int64: 'integer',
  float: 'number',
  double: 'number',
};

/**
 * The name under which a schema's `format` is checked, or undefined where the API server drops
 * it: a format it does not support, or one on a type it does not apply to.
 */
export function crdFormatName(format: string, type: unknown): string | undefined {
  if (type === 'integer' || type === 'number') return NUMERIC[format] === type ? format : undefined;
  if (type !== undefined && type !== 'string') return undefined;
  if (DASHED.includes(format)) return format;
  const name = format.replaceAll('-', '');
  return CHECKS[name] ? name : undefined;
}

/** The string formats for ajv, by the names `crdFormatName` gives. */
export const CRD_STRING_FORMATS: Readonly<Record<string, { type: 'string'; validate: (value: string) => boolean }>> =
  Object.fromEntries(
    [...Object.keys(CHECKS), ...DASHED].map((name) => [
      name,
      { type: 'string' as const, validate: CHECKS[name.replaceAll('-', '')]! },
    ]),
  );
