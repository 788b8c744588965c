import type { SchedulingInput, SchedulingOutcome } from '../../src/simulate/scheduler/index.js';
import { parseQuantity, milliValue } from '../../src/model/quantity.js';

/**
 * A stand-in scheduler for tests of the pipeline around the scheduler: first node (by name)
 * without taints whose CPU is not used up by its pods' requests; otherwise the kube-scheduler
 * style message with one reason. The real scheduler is tested in test/simulate/scheduler/.
 */
export function fakeSchedule(input: SchedulingInput): SchedulingOutcome[] {
  const cpuOf = (pod: unknown): number =>
    ((pod as { spec?: { containers?: Array<{ resources?: { requests?: { cpu?: string } } }> } }).spec?.containers ?? []).reduce((sum, c) => {
      const q = parseQuantity(c.resources?.requests?.cpu);
      return sum + (q ? milliValue(q) : 0);
    }, 0);
  const used = new Map<string, number>();
  for (const pod of input.boundPods) used.set(pod.spec!.nodeName!, (used.get(pod.spec!.nodeName!) ?? 0) + cpuOf(pod));
  const nodes = [...input.nodes].filter((n) => !(n.spec?.taints ?? []).length).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  return input.pendingPods.map((pod) => {
    const need = cpuOf(pod);
    const node = nodes.find((n) => (used.get(n.metadata!.name!) ?? 0) + need <= milliValue(parseQuantity(n.status!.allocatable!.cpu)!));
    if (!node) return { pod, message: `0/${input.nodes.length} nodes are available: ${nodes.length} Insufficient cpu.`, verdicts: [] };
    used.set(node.metadata!.name!, (used.get(node.metadata!.name!) ?? 0) + need);
    return { pod, nodeName: node.metadata!.name!, verdicts: [] };
  });
}
