import type { SimulationState } from '../state.js';
import { nameOf } from '../../model/object-ref.js';

/** The PriorityClasses every cluster has (`pkg/apis/scheduling/types.go`). */
export const BUILTIN_PRIORITY_CLASSES: ReadonlyArray<{ name: string; value: number }> = [
  { name: 'system-node-critical', value: 2000001000 },
  { name: 'system-cluster-critical', value: 2000000000 },
];

interface PriorityClassInfo {
  name: string;
  value: number;
  globalDefault: boolean;
  preemptionPolicy: string;
}

function priorityClasses(state: SimulationState): Map<string, PriorityClassInfo> {
  const classes = new Map<string, PriorityClassInfo>();
  for (const { name, value } of BUILTIN_PRIORITY_CLASSES)
    classes.set(name, { name, value, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' });
  for (const { object } of state.list('PriorityClass', 'scheduling.k8s.io')) {
    if (typeof object.value !== 'number' || !Number.isInteger(object.value)) continue;
    classes.set(nameOf(object), {
      name: nameOf(object),
      value: object.value,
      globalDefault: object.globalDefault === true,
      preemptionPolicy: typeof object.preemptionPolicy === 'string' ? object.preemptionPolicy : 'PreemptLowerPriority',
    });
  }
  return classes;
}

/**
 * What the Priority admission plugin does to a new pod (`plugin/pkg/admission/priority`): a pod
 * naming a PriorityClass gets its value and preemption policy; a pod naming none gets the
 * `globalDefault` class (the highest-valued one when several claim it) or priority 0. A pod
 * naming a class that does not exist is refused: the error text is returned. Changes `spec`.
 */
export function admitPriority(state: SimulationState, spec: Record<string, unknown>): string | undefined {
  const classes = priorityClasses(state);
  const requested =
    typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '' ? spec.priorityClassName : undefined;
  let chosen: PriorityClassInfo | undefined;
  if (requested) {
    chosen = classes.get(requested);
    if (!chosen) return `no PriorityClass with name ${requested} was found`;
  } else {
    for (const candidate of classes.values()) {
      if (candidate.globalDefault && (!chosen || candidate.value > chosen.value)) chosen = candidate;
    }
    if (chosen) spec.priorityClassName = chosen.name;
  }
  spec.priority = chosen?.value ?? 0;
  spec.preemptionPolicy = chosen?.preemptionPolicy ?? 'PreemptLowerPriority';
  return undefined;
}
