import ipaddr from 'ipaddr.js';

/**
 * IP addresses and CIDR prefixes, read as Kubernetes validates them today (Go's `netip`, which
 * its strict IP validation and its CEL `ip()` / `cidr()` libraries use): IPv4 in four decimal
 * parts without leading zeros (`010.1.1.1` would be octal to libc and decimal to Go, so it is
 * refused), IPv6 in RFC 4291 text (groups of at most four hex digits, one `::`, an optional
 * dotted IPv4 tail), no zone (`fe80::1%eth0`), and no IPv4-mapped IPv6 address (`::ffff:1.2.3.4`,
 * which some software reads as IPv4 and some as IPv6). ipaddr.js reads the text; the checks
 * here reject the looser forms it also accepts (`0x7f.1`, `010.1.1.1`, zones).
 */
export interface IpAddress {
  readonly family: 4 | 6;
  /** The address as a 32- or 128-bit number. */
  readonly bits: bigint;
}

/** `10.244.1.0/24`: an address and a prefix length. The address may have bits set past the prefix. */
export interface IpPrefix {
  readonly address: IpAddress;
  readonly length: number;
}

/** Why a string is not an address (or a prefix) Kubernetes accepts. */
export type IpProblem = 'invalid' | 'zone' | 'ipv4-mapped';

/** The address, or undefined when Kubernetes' strict validation refuses it (see ipAddressProblem). */
export function parseIpAddress(text: string): IpAddress | undefined {
  const read = readAddress(text);
  return typeof read === 'string' ? undefined : read;
}

/** Why the address is refused, or undefined when it is a valid address. */
export function ipAddressProblem(text: string): IpProblem | undefined {
  const read = readAddress(text);
  return typeof read === 'string' ? read : undefined;
}

/**
 * The prefix, or undefined when it is not one: an address as above, `/`, and a length in decimal
 * without leading zeros (`/08` is refused), at most 32 for IPv4 and 128 for IPv6.
 */
export function parseIpPrefix(text: string): IpPrefix | undefined {
  const read = readPrefix(text);
  return typeof read === 'string' ? undefined : read;
}

/** Why the prefix is refused, or undefined when it is a valid prefix. */
export function ipPrefixProblem(text: string): IpProblem | undefined {
  const read = readPrefix(text);
  return typeof read === 'string' ? read : undefined;
}

/** The number of bits of an address of this family. */
export function addressWidth(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/** Whether the prefix contains the address (an address of the other family never is). */
export function prefixContains(prefix: IpPrefix, ip: IpAddress): boolean {
  const shift = BigInt(addressWidth(prefix.address.family) - prefix.length);
  return ip.family === prefix.address.family && ip.bits >> shift === prefix.address.bits >> shift;
}

/** The first address of the prefix: its address with the bits past the prefix cleared. */
export function networkAddress(prefix: IpPrefix): IpAddress {
  const shift = BigInt(addressWidth(prefix.address.family) - prefix.length);
  return { family: prefix.address.family, bits: (prefix.address.bits >> shift) << shift };
}

/** How many addresses the prefix holds. */
export function prefixSize(prefix: IpPrefix): bigint {
  return 1n << BigInt(addressWidth(prefix.address.family) - prefix.length);
}

/** The canonical text: dotted decimal for IPv4, RFC 5952 (lower case, longest zero run as `::`) for IPv6. */
export function formatIpAddress(ip: IpAddress): string {
  const bytes: number[] = [];
  for (let shift = addressWidth(ip.family) - 8; shift >= 0; shift -= 8)
    bytes.push(Number((ip.bits >> BigInt(shift)) & 0xffn));
  return ip.family === 4 ? bytes.join('.') : new ipaddr.IPv6(bytes).toRFC5952String();
}

function readAddress(text: string): IpAddress | IpProblem {
  const percent = text.indexOf('%');
  if (percent !== -1) {
    // A zone is only ever part of an IPv6 address, and must not be empty.
    return parseIpAddress(text.slice(0, percent))?.family === 6 && percent < text.length - 1 ? 'zone' : 'invalid';
  }
  if (!text.includes(':')) {
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? fromBytes(4, ipaddr.IPv4.parse(text).toByteArray()) : 'invalid';
  }
  const hex = withHexTail(text);
  // Only hex digits and colons may be left (a dotted tail that is no four-part decimal address
  // keeps its dots); ipaddr.js checks the groups and the `::`.
  if (!/^[0-9a-fA-F:]+$/.test(hex) || !ipaddr.IPv6.isValid(hex)) return 'invalid';
  const ip = ipaddr.IPv6.parse(hex);
  return ip.isIPv4MappedAddress() ? 'ipv4-mapped' : fromBytes(6, ip.toByteArray());
}

/**
 * The IPv6 text with a dotted IPv4 tail (`64:ff9b::1.2.3.4`) written as its two hex groups; the
 * text as it is when its tail is no four-part decimal address. ipaddr.js itself would read
 * `::1.2.3.4` as the IPv4-mapped `::ffff:1.2.3.4`; RFC 4291 (and Go) read it as `::102:304`.
 */
function withHexTail(text: string): string {
  const colon = text.lastIndexOf(':');
  const tail = text.slice(colon + 1);
  if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return text;
  const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(tail).octets;
  return `${text.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function readPrefix(text: string): IpPrefix | IpProblem {
  const slash = text.lastIndexOf('/');
  if (slash === -1) return 'invalid';
  const address = readAddress(text.slice(0, slash));
  if (typeof address === 'string') return address;
  const length = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(length) || Number(length) > addressWidth(address.family)) return 'invalid';
  return { address, length: Number(length) };
}

function fromBytes(family: 4 | 6, bytes: readonly number[]): IpAddress {
  return { family, bits: bytes.reduce((bits, byte) => (bits << 8n) | BigInt(byte), 0n) };
}
