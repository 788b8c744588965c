import { defaultPointer } from './fields.js';
import type { JsonObject } from '../../model/json.js';

/** PriorityClass (`pkg/apis/scheduling/v1/defaults.go`): preemptionPolicy PreemptLowerPriority. */
export function defaultPriorityClass(priorityClass: JsonObject): void {
  defaultPointer(priorityClass, 'preemptionPolicy', 'PreemptLowerPriority');
}
