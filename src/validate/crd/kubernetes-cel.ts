import { Environment } from '@marcbachmann/cel-js';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  parseQuantity,
  type Quantity,
} from '../../model/quantity.js';
import {
  type IpAddress,
  type IpPrefix,
  type IpProblem,
  ipAddressProblem,
  ipPrefixProblem,
  parseIpAddress,
  parseIpPrefix,
  prefixContains,
} from '../../model/ip-address.js';
import { RE2_MATCHES } from './cel-rewrite.js';
import { re2Find, re2FindAll, re2Matches } from './re2.js';

/**
 * The parts of Kubernetes' CEL libraries (`k8s.io/apiserver/pkg/cel/library`) that CRD rules use
 * most, on top of the standard CEL of `@marcbachmann/cel-js`: quantities, list helpers, URLs, IP
 * addresses and CIDRs, regular expressions (RE2, as Go), and the string extensions it lacks. A
 * rule calling anything else is reported as not evaluated.
 */

/**
 * An error the Kubernetes library gives for this value (an invalid quantity, URL or IP, an index
 * out of range): it refuses the object. Any other error thrown here is kubeplan's limit.
 */
export class KubernetesCelError extends Error {}

/** A `quantity("500m")` value: exact, as Kubernetes compares quantities. */
class KubeQuantity {
  constructor(readonly q: Quantity) {}
  toString(): string {
    return canonicalQuantity(this.q);
  }
}

function quantityOf(text: string): KubeQuantity {
  const q = parseQuantity(text);
  if (!q) throw new KubernetesCelError(`invalid quantity: ${text}`);
  return new KubeQuantity(q);
}

function fromInt(n: bigint): Quantity {
  return { num: n, den: 1n, format: 'DecimalSI' };
}

/** `url("https://example.com:8080/path?q=1")`. */
class KubeUrl {
  constructor(readonly url: URL) {}
}

function urlOf(text: string): KubeUrl {
  // Kubernetes accepts absolute URIs and absolute paths only.
  try {
    return new KubeUrl(new URL(text));
  } catch {
    if (text.startsWith('/')) return new KubeUrl(new URL(text, 'http://placeholder.invalid'));
    throw new KubernetesCelError(`invalid URL: ${text}`);
  }
}

/** An `ip("10.0.0.1")` value. */
class KubeIp {
  constructor(readonly ip: IpAddress) {}
}

/** A `cidr("10.0.0.0/8")` value; its address keeps the bits past the prefix, as written. */
class KubeCidr {
  constructor(readonly prefix: IpPrefix) {}
}

/** The messages of Kubernetes' CEL IP and CIDR libraries for a value they refuse. */
const IP_PROBLEMS: Record<IpProblem, (text: string) => string> = {
  invalid: (text) => `IP Address "${text}" parse error during conversion from string`,
  zone: () => 'IP Address with zone value is not allowed',
  'ipv4-mapped': () => 'IPv4-mapped IPv6 address is not allowed',
};
const CIDR_PROBLEMS: Record<IpProblem, (text: string) => string> = {
  invalid: (text) => `network address parse error during conversion from string: ${text}`,
  zone: () => 'CIDR with zone value is not allowed',
  'ipv4-mapped': () => 'IPv4-mapped IPv6 address is not allowed',
};

function ipOf(text: string): KubeIp {
  const ip = parseIpAddress(text);
  if (!ip) throw new KubernetesCelError(IP_PROBLEMS[ipAddressProblem(text) ?? 'invalid'](text));
  return new KubeIp(ip);
}

function cidrOf(text: string): KubeCidr {
  const prefix = parseIpPrefix(text);
  if (!prefix) throw new KubernetesCelError(CIDR_PROBLEMS[ipPrefixProblem(text) ?? 'invalid'](text));
  return new KubeCidr(prefix);
}

/** `containsCIDR`: the other prefix is no wider and lies inside this one. */
function containsCidr(outer: KubeCidr, inner: KubeCidr): boolean {
  return inner.prefix.length >= outer.prefix.length && prefixContains(outer.prefix, inner.prefix.address);
}

function succeeds(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof KubeQuantity && b instanceof KubeQuantity) return compareQuantities(a.q, b.q);
  throw new Error('no such overload');
}

function extreme(list: unknown[], sign: 1 | -1): unknown {
  if (!list.length) throw new KubernetesCelError(`${sign > 0 ? 'max' : 'min'}() on an empty list`);
  return list.reduce((best, item) => (compareValues(item, best) * sign > 0 ? item : best));
}

/**
 * A CEL environment with `self` (and any other name) as dyn, and the Kubernetes libraries above.
 * `matches()` is registered as `re2Matches`, the name cel-rewrite.ts gives it, so that it runs RE2
 * rather than cel-js's RegExp.
 */
export function kubernetesCel(): Environment {
  return new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
    .registerType('Quantity', KubeQuantity)
    .registerFunction('quantity(string): Quantity', quantityOf)
    .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined)
    .registerFunction(
      'Quantity.isLessThan(Quantity): bool',
      (a: KubeQuantity, b: KubeQuantity) => compareQuantities(a.q, b.q) < 0,
    )
    .registerFunction(
      'Quantity.isGreaterThan(Quantity): bool',
      (a: KubeQuantity, b: KubeQuantity) => compareQuantities(a.q, b.q) > 0,
    )
    .registerFunction('Quantity.compareTo(Quantity): int', (a: KubeQuantity, b: KubeQuantity) =>
      BigInt(compareQuantities(a.q, b.q)),
    )
    .registerFunction(
      'Quantity.add(Quantity): Quantity',
      (a: KubeQuantity, b: KubeQuantity) => new KubeQuantity(addQuantities(a.q, b.q)),
    )
    .registerFunction(
      'Quantity.add(int): Quantity',
      (a: KubeQuantity, b: bigint) => new KubeQuantity(addQuantities(a.q, fromInt(b))),
    )
    .registerFunction(
      'Quantity.sub(Quantity): Quantity',
      (a: KubeQuantity, b: KubeQuantity) => new KubeQuantity(addQuantities(a.q, { ...b.q, num: -b.q.num })),
    )
    .registerFunction(
      'Quantity.sub(int): Quantity',
      (a: KubeQuantity, b: bigint) => new KubeQuantity(addQuantities(a.q, fromInt(-b))),
    )
    .registerFunction('Quantity.isInteger(): bool', (a: KubeQuantity) => a.q.den === 1n)
    .registerFunction('Quantity.asInteger(): int', (a: KubeQuantity) => {
      if (a.q.den !== 1n) throw new KubernetesCelError('cannot convert value to integer');
      return a.q.num;
    })
    .registerFunction('Quantity.asApproximateFloat(): double', (a: KubeQuantity) => Number(a.q.num) / Number(a.q.den))
    .registerFunction('Quantity.sign(): int', (a: KubeQuantity) => BigInt(a.q.num > 0n ? 1 : a.q.num < 0n ? -1 : 0))
    .registerFunction('list.isSorted(): bool', (list: unknown[]) =>
      list.every((item, i) => i === 0 || compareValues(list[i - 1], item) <= 0),
    )
    .registerFunction('list.sum(): dyn', (list: unknown[]) =>
      list.reduce(
        (total: unknown, item) =>
          typeof item === 'bigint' ? (total as bigint) + item : (total as number) + (item as number),
        list.some((i) => typeof i === 'number') ? 0 : 0n,
      ),
    )
    .registerFunction('list.min(): dyn', (list: unknown[]) => extreme(list, -1))
    .registerFunction('list.max(): dyn', (list: unknown[]) => extreme(list, 1))
    .registerFunction('list.indexOf(dyn): int', (list: unknown[], value: unknown) => BigInt(list.indexOf(value)))
    .registerFunction('list.lastIndexOf(dyn): int', (list: unknown[], value: unknown) =>
      BigInt(list.lastIndexOf(value)),
    )
    .registerFunction('isURL(string): bool', (s: string) => succeeds(() => urlOf(s)))
    .registerType('URL', KubeUrl)
    .registerFunction('url(string): URL', urlOf)
    .registerFunction('URL.getScheme(): string', (u: KubeUrl) =>
      u.url.hostname === 'placeholder.invalid' ? '' : u.url.protocol.replace(/:$/, ''),
    )
    .registerFunction('URL.getHost(): string', (u: KubeUrl) =>
      u.url.hostname === 'placeholder.invalid' ? '' : u.url.host,
    )
    .registerFunction('URL.getHostname(): string', (u: KubeUrl) =>
      u.url.hostname === 'placeholder.invalid' ? '' : u.url.hostname.replace(/^\[|\]$/g, ''),
    )
    .registerFunction('URL.getPort(): string', (u: KubeUrl) => u.url.port)
    .registerFunction('URL.getEscapedPath(): string', (u: KubeUrl) => u.url.pathname)
    .registerType('IP', KubeIp)
    .registerType('CIDR', KubeCidr)
    .registerFunction('ip(string): IP', ipOf)
    .registerFunction('isIP(string): bool', (s: string) => parseIpAddress(s) !== undefined)
    .registerFunction('IP.family(): int', (ip: KubeIp) => BigInt(ip.ip.family))
    .registerFunction('IP.isUnspecified(): bool', (ip: KubeIp) => ip.ip.bits === 0n)
    .registerFunction('IP.isLoopback(): bool', (ip: KubeIp) =>
      ip.ip.family === 4 ? ip.ip.bits >> 24n === 127n : ip.ip.bits === 1n,
    )
    .registerFunction('cidr(string): CIDR', cidrOf)
    .registerFunction('isCIDR(string): bool', (s: string) => parseIpPrefix(s) !== undefined)
    .registerFunction('CIDR.prefixLength(): int', (c: KubeCidr) => BigInt(c.prefix.length))
    .registerFunction('CIDR.ip(): IP', (c: KubeCidr) => new KubeIp(c.prefix.address))
    .registerFunction('CIDR.containsIP(IP): bool', (c: KubeCidr, ip: KubeIp) => prefixContains(c.prefix, ip.ip))
    .registerFunction('CIDR.containsIP(string): bool', (c: KubeCidr, ip: string) =>
      prefixContains(c.prefix, ipOf(ip).ip),
    )
    .registerFunction('CIDR.containsCIDR(CIDR): bool', containsCidr)
    .registerFunction('CIDR.containsCIDR(string): bool', (c: KubeCidr, other: string) => containsCidr(c, cidrOf(other)))
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      if (i < 0n || i > BigInt(s.length)) throw new KubernetesCelError(`index out of range: ${i}`);
      return s.charAt(Number(i));
    })
    .registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) =>
      s.split(from).join(to),
    )
    .registerFunction(`string.${RE2_MATCHES}(string): bool`, re2Matches)
    .registerFunction(`${RE2_MATCHES}(string, string): bool`, re2Matches)
    .registerFunction('string.find(string): string', re2Find)
    .registerFunction('string.findAll(string): list<string>', (s: string, pattern: string) => re2FindAll(s, pattern))
    .registerFunction('string.findAll(string, int): list<string>', (s: string, pattern: string, limit: bigint) =>
      re2FindAll(s, pattern, limit < 0n ? -1 : Number(limit)),
    )
    .registerFunction('list.join(): string', (list: unknown[]) => list.map(String).join(''))
    .registerFunction('list.join(string): string', (list: unknown[], separator: string) =>
      list.map(String).join(separator),
    );
}
