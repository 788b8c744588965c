import { stringify } from 'yaml';
import type { PlanResult } from '../commands/plan.js';
import { planDocument } from './plan-state.js';

/** The plan as YAML (`--format yaml`, `-o yaml`): the same document as the JSON output. */
export function formatPlanYaml(result: PlanResult): string {
  return stringify(planDocument(result), { lineWidth: 0, aliasDuplicateObjects: false });
}
