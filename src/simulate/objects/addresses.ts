import type { KubeObject } from '../../model/manifest.js';
import { nameOf } from '../state.js';
import { objectAt, objectsAt } from '../../model/json.js';

/**
 * Deterministic addresses (docs/plan.md):
 * - a node's IP is its `InternalIP` address, else `10.0.<i div 256>.<i mod 256>` with i = 10 +
 *   its position among the nodes sorted by name;
 * - a node's pod range is its `spec.podCIDR` (IPv4), else `10.<244 + j div 256>.<j mod 256>.0/24`
 *   with j its position; pods take the range's addresses from .2 upwards in the order they are
 *   bound, skipping addresses already used by pods of `--current`;
 * - host-network pods share their node's IP;
 * - Service cluster IPs come from 10.96.0.0/12: FNV-1a of `<namespace>/<name>` picks the start,
 *   the next free address wins; 10.96.0.1 stays for the `kubernetes` Service.
 */
export class AddressAllocator {
  private readonly nodeIps = new Map<string, string>();
  private readonly podRanges = new Map<string, { base: number; size: number; next: number }>();
  private readonly used = new Set<string>();

  constructor(nodes: readonly KubeObject[]) {
    const sorted = [...nodes].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
    sorted.forEach((node, i) => {
      const internal = objectsAt(objectAt(node, 'status'), 'addresses').find(
        (a) => a.type === 'InternalIP' && typeof a.address === 'string',
      );
      this.nodeIps.set(nameOf(node), internal ? String(internal.address) : `10.0.${(i + 10) >> 8}.${(i + 10) & 255}`);
      const cidr = parseCidr(objectAt(node, 'spec')?.podCIDR);
      this.podRanges.set(
        nameOf(node),
        cidr ? { ...cidr, next: 2 } : { base: ipToNumber(`10.${244 + (i >> 8)}.${i & 255}.0`), size: 256, next: 2 },
      );
    });
  }

  nodeIp(node: string): string {
    return this.nodeIps.get(node) ?? '10.0.0.1';
  }

  /** Marks an address as taken (pods of `--current`). */
  reserve(ip: unknown): void {
    if (typeof ip === 'string') this.used.add(ip);
  }

  /** The next free pod address on the node; the node's IP for host-network pods. */
  podIp(node: string, hostNetwork: boolean): string {
    if (hostNetwork) return this.nodeIp(node);
    const range = this.podRanges.get(node);
    if (!range) return this.nodeIp(node);
    // The range's last address is its broadcast address; past it, addresses are reused.
    for (let tries = 0; tries < range.size; tries++) {
      const offset = range.next;
      range.next = range.next + 1 >= range.size - 1 ? 2 : range.next + 1;
      const ip = numberToIp(range.base + offset);
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
    return numberToIp(range.base + 2);
  }
}

const SERVICE_BASE = ipToNumber('10.96.0.0');
const SERVICE_SIZE = 1 << 20;

/** A cluster IP for a Service without one (see AddressAllocator), avoiding `taken`. */
export function serviceClusterIp(
  namespace: string,
  name: string,
  hash: (text: string) => number,
  taken: Set<string>,
): string {
  let offset = hash(`${namespace}/${name}`) % SERVICE_SIZE;
  for (;;) {
    const ip = numberToIp(SERVICE_BASE + offset);
    if (offset > 1 && offset < SERVICE_SIZE - 1 && !taken.has(ip)) {
      taken.add(ip);
      return ip;
    }
    offset = (offset + 1) % SERVICE_SIZE;
  }
}

function parseCidr(value: unknown): { base: number; size: number } | undefined {
  const match = typeof value === 'string' ? /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(value) : null;
  if (!match || Number(match[2]) < 8 || Number(match[2]) > 30) return undefined;
  const size = 2 ** (32 - Number(match[2]));
  return { base: ipToNumber(match[1]!) - (ipToNumber(match[1]!) % size), size };
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isIpv4(value: unknown): boolean {
  return typeof value === 'string' && /^\d+\.\d+\.\d+\.\d+$/.test(value);
}
