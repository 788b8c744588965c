/**
 * IP addresses and CIDRs as Kubernetes' strict validation and its CEL ip/cidr libraries read
 * them (Go's netip, without zones and IPv4-mapped addresses).
 */
import { describe, expect, it } from '@jest/globals';
import {
  formatIpAddress,
  ipAddressProblem,
  ipPrefixProblem,
  networkAddress,
  parseIpAddress,
  parseIpPrefix,
  prefixContains,
  prefixSize,
} from '../../src/model/ip-address.js';

/** The canonical form of a valid address, or why it is refused. */
const readIp = (text: string): string => {
  const ip = parseIpAddress(text);
  return ip ? `${ip.family} ${formatIpAddress(ip)}` : `${ipAddressProblem(text)}`;
};
const readCidr = (text: string): string => {
  const prefix = parseIpPrefix(text);
  return prefix ? `${formatIpAddress(prefix.address)}/${prefix.length}` : `${ipPrefixProblem(text)}`;
};

describe('IP addresses', () => {
  it.each([
    ['10.9.8.7', '4 10.9.8.7'],
    ['0.0.0.0', '4 0.0.0.0'],
    ['255.255.255.255', '4 255.255.255.255'],
    // Octets: decimal, at most 255, no leading zeros (libc reads them as octal).
    ['300.1.2.3', 'invalid'],
    ['1.2.3.256', 'invalid'],
    ['010.1.2.3', 'invalid'],
    ['1.2.3.04', 'invalid'],
    ['0x7f.0.0.1', 'invalid'],
    ['127.1', 'invalid'],
    ['2130706433', 'invalid'],
    ['1.2.3.4.5', 'invalid'],
    [' 1.2.3.4', 'invalid'],
    ['1.2.3.4/32', 'invalid'],
    ['', 'invalid'],
    // IPv6, written in canonical form (RFC 5952).
    ['2001:DB8:0:0:0:0:0:1', '6 2001:db8::1'],
    ['::', '6 ::'],
    ['::1', '6 ::1'],
    ['1:2:3:4:5:6:7:8', '6 1:2:3:4:5:6:7:8'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['1:2:3:4:5:6:7', 'invalid'],
    ['1::2::3', 'invalid'],
    [':::', 'invalid'],
    ['12345::', 'invalid'],
    ['2001:db8::g', 'invalid'],
    // A dotted IPv4 tail is two groups; `::1.2.3.4` is IPv4-compatible, not mapped.
    ['64:ff9b::1.2.3.4', '6 64:ff9b::102:304'],
    ['::1.2.3.4', '6 ::102:304'],
    ['64:ff9b::01.2.3.4', 'invalid'],
    ['64:ff9b::1.2.3', 'invalid'],
    // Kubernetes refuses IPv4-mapped addresses and zones.
    ['::ffff:1.2.3.4', 'ipv4-mapped'],
    ['::ffff:102:304', 'ipv4-mapped'],
    ['fe80::1%eth0', 'zone'],
    ['fe80::1%', 'invalid'],
    ['fe80::1%a%b', 'zone'],
    ['1.2.3.4%eth0', 'invalid'],
    ['%eth0', 'invalid'],
    ['%::1', 'invalid'],
    ['1::g%eth0', 'invalid'],
  ])('%s → %s', (text, expected) => {
    expect(readIp(text)).toBe(expected);
  });
});

describe('CIDRs', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.1.2.3/8', '10.1.2.3/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['10.0.0.1/32', '10.0.0.1/32'],
    ['fd00::/8', 'fd00::/8'],
    ['2001:db8::/128', '2001:db8::/128'],
    // The prefix length: decimal, no leading zeros or sign, within the family's width.
    ['10.0.0.0/08', 'invalid'],
    ['10.0.0.0/+8', 'invalid'],
    ['10.0.0.0/33', 'invalid'],
    ['fd00::/129', 'invalid'],
    ['10.0.0.0/', 'invalid'],
    ['10.0.0.0', 'invalid'],
    ['300.0.0.0/8', 'invalid'],
    ['010.0.0.0/8', 'invalid'],
    ['::ffff:1.2.3.0/120', 'ipv4-mapped'],
    ['fe80::1%eth0/64', 'zone'],
    // No slash: no prefix, whatever the text without its last character would be.
    ['fe80::1%eth0', 'invalid'],
    ['::ffff:1.2.3.44', 'invalid'],
    ['/8', 'invalid'],
  ])('%s → %s', (text, expected) => {
    expect(readCidr(text)).toBe(expected);
  });

  it('has no problem with a valid address or prefix', () => {
    expect([ipAddressProblem('10.0.0.1'), ipAddressProblem('fd00::1')]).toEqual([undefined, undefined]);
    expect([ipPrefixProblem('10.0.0.0/8'), ipPrefixProblem('fd00::/8')]).toEqual([undefined, undefined]);
  });

  it('contains the addresses of its own family under its prefix, whatever bits its address has past it', () => {
    const net = parseIpPrefix('10.1.2.3/16')!;
    expect(formatIpAddress(networkAddress(net))).toBe('10.1.0.0');
    expect(prefixSize(net)).toBe(65536n);
    expect(
      ['10.1.255.255', '10.1.0.0', '10.2.0.0', '::a01:0'].map((ip) => prefixContains(net, parseIpAddress(ip)!)),
    ).toEqual([true, true, false, false]);
    const v6 = parseIpPrefix('fd00:10:244:1::/64')!;
    expect(prefixContains(v6, parseIpAddress('fd00:10:244:1::2')!)).toBe(true);
    expect(prefixContains(v6, parseIpAddress('fd00:10:244:2::2')!)).toBe(false);
    expect(prefixSize(v6)).toBe(2n ** 64n);
  });
});
