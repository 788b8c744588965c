import { describe, expect, it } from '@jest/globals';
import { AddressAllocator, serviceClusterIp } from '../../src/simulate/objects/addresses.js';

const node = (name: string, spec: Record<string, unknown> = {}, addresses: unknown[] = []) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name },
  spec,
  status: { addresses },
});

describe('AddressAllocator', () => {
  it('hands out pod addresses of the podCIDR from .2, skipping taken ones, and the node IP for host networking', () => {
    const addresses = new AddressAllocator([
      node('a', { podCIDR: '10.1.2.0/24' }, [{ type: 'InternalIP', address: '192.168.0.5' }]),
    ]);
    addresses.reserve('10.1.2.3');
    expect([addresses.podIp('a', false), addresses.podIp('a', false), addresses.podIp('a', true)]).toEqual([
      '10.1.2.2',
      '10.1.2.4',
      '192.168.0.5',
    ]);
  });

  it('reuses the range once it is used up, never its last address', () => {
    const addresses = new AddressAllocator([node('a', { podCIDR: '10.1.2.0/29' })]);
    const ips = Array.from({ length: 6 }, () => addresses.podIp('a', false));
    expect(ips).toEqual(['10.1.2.2', '10.1.2.3', '10.1.2.4', '10.1.2.5', '10.1.2.6', '10.1.2.2']);
  });

  it('takes pod addresses from an IPv6 podCIDR, comparing addresses in canonical form', () => {
    const addresses = new AddressAllocator([
      node('a', { podCIDR: 'fd00:10:244:1::/64' }, [{ type: 'InternalIP', address: 'fd00::a' }]),
    ]);
    addresses.reserve('FD00:10:244:1:0:0:0:2');
    expect([addresses.podIp('a', false), addresses.nodeIp('a')]).toEqual(['fd00:10:244:1::3', 'fd00::a']);
  });

  it('gives a node with an invalid podCIDR or InternalIP the synthetic ones', () => {
    const addresses = new AddressAllocator([
      node('a', { podCIDR: '300.1.2.0/24' }, [{ type: 'InternalIP', address: '300.1.2.3' }]),
      node('b', { podCIDR: '010.1.2.0/24' }, [{ type: 'InternalIP', address: 'node-b.example.com' }]),
      node('c', { podCIDR: '10.1.2.4/31' }, [{ type: 'InternalIP', address: '::ffff:10.0.0.1' }]),
      node('d', { podCIDR: 42 }, [
        { type: 'InternalIP', address: '1.2.3.04' },
        { type: 'InternalIP', address: '10.9.8.7' },
      ]),
    ]);
    expect(['a', 'b', 'c', 'd'].map((n) => [addresses.nodeIp(n), addresses.podIp(n, false)])).toEqual([
      ['10.0.0.10', '10.244.0.2'],
      ['10.0.0.11', '10.244.1.2'],
      ['10.0.0.12', '10.244.2.2'],
      ['10.9.8.7', '10.244.3.2'],
    ]);
  });

  it('takes the network address of a podCIDR written with host bits', () => {
    const addresses = new AddressAllocator([node('a', { podCIDR: '10.1.2.77/24' })]);
    expect(addresses.podIp('a', false)).toBe('10.1.2.2');
  });

  it('reserves only addresses', () => {
    const addresses = new AddressAllocator([node('a', { podCIDR: '10.1.2.0/24' })]);
    for (const ip of [undefined, 7, '10.1.2.02', '']) addresses.reserve(ip);
    expect(addresses.podIp('a', false)).toBe('10.1.2.2');
  });
});

describe('serviceClusterIp', () => {
  it('starts at the hash within 10.96.0.0/12 and skips taken, network, kubernetes and last addresses', () => {
    const taken = new Set(['10.96.1.0']);
    expect(serviceClusterIp('shop', 'web', () => 256, taken)).toBe('10.96.1.1');
    expect(serviceClusterIp('shop', 'api', () => 0, taken)).toBe('10.96.0.2');
    expect(serviceClusterIp('shop', 'db', () => 2 ** 20 - 1, taken)).toBe('10.96.0.3');
    expect(taken).toEqual(new Set(['10.96.1.0', '10.96.1.1', '10.96.0.2', '10.96.0.3']));
  });
});
