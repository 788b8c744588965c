import type { PlanResult } from '../commands/plan.js';
import { planDocument } from './plan-state.js';

/** The plan as JSON (`--format json`): see planDocument. */
export function formatPlanJson(result: PlanResult): string {
  return `${JSON.stringify(planDocument(result), null, 2)}\n`;
}
