import type { PlanResult } from '../commands/plan.js';
import { writeYaml } from '../load/yaml-options.js';
import { planDocument } from './plan-state.js';

/**
 * The plan as YAML (`--format yaml`, `-o yaml`): the same document as the JSON output, written
 * so that kubectl's YAML 1.1 reader gets the same values (`"yes"` and `"on"` stay strings).
 */
export function formatPlanYaml(result: PlanResult): string {
  return writeYaml(planDocument(result));
}
