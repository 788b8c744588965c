/**
 * Outcomes and their verdicts. A pod's filter codes and weighted scores are kept compact (typed
 * arrays); the per-node `verdicts` objects are built only when someone reads them.
 */
import type { Cluster } from './cluster.js';
import type { NodeVerdict, SchedulingOutcome } from './index.js';
import type { NodeScores } from './scoring.js';
import { PASSED, type StatusTable } from './statuses.js';

/** The result of filtering and scoring one pod. */
export interface Attempt {
  /** Per node: the status code of the first rejecting filter, or PASSED. */
  codes: Uint16Array;
  /** The nodes that passed, in name order. */
  feasible: Int32Array;
  /** Absent when fewer than two nodes passed (no scoring). */
  scores?: NodeScores;
}

export function verdictsOf(cluster: Cluster, statuses: StatusTable, attempt: Attempt): NodeVerdict[] {
  const { codes, feasible, scores } = attempt;
  const slot = new Map<number, number>();
  feasible.forEach((n, j) => {
    slot.set(n, j);
  });
  return cluster.nodes.map((node, n) => {
    const code = codes[n]!;
    if (code !== PASSED) {
      const status = statuses.entries[code]!;
      return { node: node.name, plugin: status.plugin, reasons: [...status.reasons] };
    }
    if (!scores) return { node: node.name, reasons: [] };
    const j = slot.get(n)!;
    const perPlugin: Record<string, number> = {};
    let total = 0;
    scores.plugins.forEach((p, i) => {
      const column = scores.columns[i]!;
      perPlugin[p] = (typeof column === 'number' ? column : column[j]!) * scores.factors[i]!;
      total += perPlugin[p];
    });
    return { node: node.name, reasons: [], score: total, scores: perPlugin };
  });
}

/** Defines `verdicts` as an enumerable property computed on first read (then kept). */
export function withLazyVerdicts(
  outcome: Omit<SchedulingOutcome, 'verdicts'>,
  build: () => NodeVerdict[],
): SchedulingOutcome {
  Object.defineProperty(outcome, 'verdicts', {
    enumerable: true,
    configurable: true,
    get(this: SchedulingOutcome) {
      const value = build();
      Object.defineProperty(this, 'verdicts', { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
  return outcome as SchedulingOutcome;
}
