/**
 * NodePorts filter: a host port is taken per (hostIP, protocol, port); a wanted port on 0.0.0.0
 * conflicts with that protocol and port on any IP, a specific IP conflicts with itself and 0.0.0.0.
 * Ports within the incoming pod never conflict with each other.
 */
import type { HostPort } from '../pod-info.js';

export const NAME = 'NodePorts';
export const REASON = "node(s) didn't have free ports for the requested pod ports";

const ANY_IP = '0.0.0.0';

export function fits(wanted: readonly HostPort[], inUse: ReadonlyMap<string, number> | undefined): boolean {
  if (!inUse) return true;
  for (const w of wanted) {
    if (w.ip === ANY_IP) {
      const suffix = `|${w.protocol}|${w.port}`;
      for (const key of inUse.keys())
        if (key.endsWith(suffix) && key.indexOf('|') === key.length - suffix.length) return false;
    } else if (inUse.has(`${ANY_IP}|${w.protocol}|${w.port}`) || inUse.has(`${w.ip}|${w.protocol}|${w.port}`)) {
      return false;
    }
  }
  return true;
}
