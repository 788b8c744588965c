import {
  formatIpAddress,
  type IpAddress,
  networkAddress,
  parseIpAddress,
  parseIpPrefix,
  prefixSize,
} from '../../model/ip-address.js';
import { objectAt, objectsAt } from '../../model/json.js';
import type { KubeObject } from '../../model/manifest.js';
import { nameOf } from '../../model/object-ref.js';

/** A node's pod range: its first address, how many it holds, and the offset handed out next. */
interface PodRange {
  family: 4 | 6;
  base: bigint;
  size: bigint;
  next: bigint;
}

/** Pods take addresses from this offset on: the range's first address names the network, the next is the gateway. */
const FIRST_POD_OFFSET = 2n;

/**
 * Deterministic addresses (docs/cluster-model.md):
 * - a node's IP is its `InternalIP` address when that is a valid IP address, else
 *   `10.0.<i div 256>.<i mod 256>` with i = 10 + its position among the nodes sorted by name;
 * - a node's pod range is its `spec.podCIDR` (IPv4 or IPv6) when that is a valid CIDR with room for
 *   a pod, else `10.<244 + j div 256>.<j mod 256>.0/24` with j its position; pods take the range's
 *   addresses from the third (.2) upwards in the order they are bound, skipping the range's last
 *   address and addresses already used by pods of `--current`;
 * - host-network pods share their node's IP;
 * - Service cluster IPs come from 10.96.0.0/12: FNV-1a of `<namespace>/<name>` picks the start,
 *   the next free address wins; 10.96.0.1 stays for the `kubernetes` Service.
 * Addresses are compared in canonical form, so `fd00::02` of a current pod is `fd00::2`.
 */
export class AddressAllocator {
  private readonly nodeIps = new Map<string, string>();
  private readonly podRanges = new Map<string, PodRange>();
  private readonly used = new Set<string>();

  constructor(nodes: readonly KubeObject[]) {
    const sorted = [...nodes].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
    sorted.forEach((node, i) => {
      const internal = objectsAt(objectAt(node, 'status'), 'addresses').find(
        (a) => a.type === 'InternalIP' && typeof a.address === 'string' && parseIpAddress(a.address) !== undefined,
      );
      this.nodeIps.set(nameOf(node), internal ? String(internal.address) : `10.0.${(i + 10) >> 8}.${(i + 10) & 255}`);
      this.podRanges.set(
        nameOf(node),
        podRangeOf(objectAt(node, 'spec')?.podCIDR) ?? podRangeOf(`10.${244 + (i >> 8)}.${i & 255}.0/24`)!,
      );
    });
  }

  nodeIp(node: string): string {
    return this.nodeIps.get(node) ?? '10.0.0.1';
  }

  /** Marks an address as taken (pods of `--current`); a value that is no IP address takes none. */
  reserve(ip: unknown): void {
    const parsed = typeof ip === 'string' ? parseIpAddress(ip) : undefined;
    if (parsed) this.used.add(formatIpAddress(parsed));
  }

  /** The next free pod address on the node; the node's IP for host-network pods. */
  podIp(node: string, hostNetwork: boolean): string {
    if (hostNetwork) return this.nodeIp(node);
    const range = this.podRanges.get(node);
    if (!range) return this.nodeIp(node);
    // Offsets 2 .. size-2 are handed out in turn; past the last one, they are reused.
    const usable = range.size - 1n - FIRST_POD_OFFSET;
    for (let tries = 0n; tries < usable && tries <= BigInt(this.used.size); tries++) {
      const ip = formatIpAddress({ family: range.family, bits: range.base + range.next });
      range.next = range.next + 1n >= range.size - 1n ? FIRST_POD_OFFSET : range.next + 1n;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return ip;
      }
    }
    return formatIpAddress({ family: range.family, bits: range.base + FIRST_POD_OFFSET });
  }
}

/** The pod range of a podCIDR, or undefined when it is no valid CIDR or leaves no address for a pod (/31, /32, /127, /128). */
function podRangeOf(podCidr: unknown): PodRange | undefined {
  const prefix = typeof podCidr === 'string' ? parseIpPrefix(podCidr) : undefined;
  if (!prefix || prefixSize(prefix) < 4n) return undefined;
  const base = networkAddress(prefix);
  return { family: base.family, base: base.bits, size: prefixSize(prefix), next: FIRST_POD_OFFSET };
}

const SERVICE_RANGE = parseIpPrefix('10.96.0.0/12')!;
const SERVICE_SIZE = Number(prefixSize(SERVICE_RANGE));

/** A cluster IP for a Service without one (see AddressAllocator), avoiding `taken`. */
export function serviceClusterIp(
  namespace: string,
  name: string,
  hash: (text: string) => number,
  taken: Set<string>,
): string {
  let offset = hash(`${namespace}/${name}`) % SERVICE_SIZE;
  for (;;) {
    const ip = serviceIp(offset);
    if (offset > 1 && offset < SERVICE_SIZE - 1 && !taken.has(ip)) {
      taken.add(ip);
      return ip;
    }
    offset = (offset + 1) % SERVICE_SIZE;
  }
}

function serviceIp(offset: number): string {
  const ip: IpAddress = { family: 4, bits: SERVICE_RANGE.address.bits + BigInt(offset) };
  return formatIpAddress(ip);
}
