import type { PlanResult } from '../commands/plan.js';
import { writeYaml } from '../load/yaml-options.js';
import { cutDeepValues, flowYaml } from './plan-yaml-flow.js';
import { planDocument } from './plan-state.js';

/**
 * The plan as YAML (`--format yaml`, `-o yaml`): the same document as the JSON output, written
 * so that kubectl's YAML 1.1 reader gets the same values (`"yes"` and `"on"` stay strings).
 * Collections nested deeper than the yaml package can print are written in flow style
 * (plan-yaml-flow.ts).
 */
export function formatPlanYaml(result: PlanResult): string {
  return writePlanYaml(planDocument(result));
}

/** A plan document as YAML, at any depth. */
export function writePlanYaml(document: Record<string, unknown>): string {
  const cut = cutDeepValues(document);
  if (!cut) return writeYaml(document);
  // Each placeholder is printed plain, as the value of its key or list item, once.
  return writeYaml(cut.document).replace(/(?<=(?::|-) )(\S+)$/gm, (text) => {
    const deep = cut.deep.get(text);
    return deep ? flowYaml(deep) : text;
  });
}
