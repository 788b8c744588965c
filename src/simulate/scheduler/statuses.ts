/**
 * Filter results, interned: each distinct (plugin, reasons, resolvability) gets a small integer code,
 * so a pod's result on every node fits in a Uint16Array and identical rejections share one object.
 * Code 0 means the node passed every filter.
 */

export interface FilterStatus {
  plugin: string;
  reasons: readonly string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

export const PASSED = 0;

export class StatusTable {
  readonly entries: FilterStatus[] = [{ plugin: '', reasons: [], unresolvable: false }];
  private readonly byKey = new Map<string, number>();

  code(plugin: string, reasons: readonly string[], unresolvable: boolean): number {
    const key = `${plugin}\u0000${unresolvable ? 1 : 0}\u0000${reasons.join('\u0000')}`;
    let code = this.byKey.get(key);
    if (code === undefined) {
      code = this.entries.length;
      this.entries.push({ plugin, reasons, unresolvable });
      this.byKey.set(key, code);
    }
    return code;
  }

  /** Each reason with the number of nodes that gave it. */
  countReasons(codes: Uint16Array): Map<string, number> {
    const perCode = new Map<number, number>();
    for (const c of codes) if (c !== PASSED) perCode.set(c, (perCode.get(c) ?? 0) + 1);
    const counts = new Map<string, number>();
    for (const [code, nodes] of perCode) {
      for (const r of this.entries[code]!.reasons) counts.set(r, (counts.get(r) ?? 0) + nodes);
    }
    return counts;
  }
}

/** The nodes whose code is PASSED, in order (one pass into `scratch`, which must hold every node). */
export function passedNodes(codes: Uint16Array, scratch: Int32Array): Int32Array {
  let count = 0;
  for (let n = 0; n < codes.length; n++) if (codes[n] === PASSED) scratch[count++] = n;
  return scratch.slice(0, count);
}
