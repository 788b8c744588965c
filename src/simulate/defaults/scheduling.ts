import { defaultPointer, type Obj } from './fields.js';

/** PriorityClass (`pkg/apis/scheduling/v1/defaults.go`): preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(priorityClass: Obj): void {
  defaultPointer(priorityClass, 'preemptionPolicy', 'PreemptLowerPriority');
}
