import { describeRef, namespaceOf, refOf } from '../../model/object-ref.js';
import { resolveIntOrPercent } from '../controllers/rollout.js';
import type { PodIndex } from '../objects/pod-index.js';
import { disruptionBudgetSelector } from '../../model/selectors/consumers.js';
import { isPodReady } from '../objects/pod-status.js';
import type { Entry, SimulationState } from '../state.js';
import { objectAt } from '../../model/json.js';

/**
 * PodDisruptionBudgets against the pods of the plan (`pkg/controller/disruption`): the desired
 * healthy count is `minAvailable` (a percentage rounds up) or the expected count minus
 * `maxUnavailable` (rounds up). More than the pods there are: never satisfied (error); exactly
 * all of them: satisfied but no pod may ever be evicted, so node drains block (warning). The
 * expected count is the number of matching pods (the real controller uses its workloads' scale,
 * which equals it once the plan settles).
 */
export function reportDisruptionBudget(state: SimulationState, entry: Entry, pods: PodIndex): void {
  const pdb = entry.object;
  const spec = objectAt(pdb, 'spec') ?? {};
  // policy/v1: an empty selector selects every pod of the namespace, an absent one none (consumers.ts).
  const read = disruptionBudgetSelector(pdb);
  if (read.state === 'invalid') return;
  const matching = pods.select(namespaceOf(pdb), read.selector);
  const expected = matching.length;
  const healthy = matching.filter((p) => isPodReady(p.object)).length;
  const name = describeRef(refOf(pdb));
  if (expected === 0) {
    state.report({
      ruleId: 'pdb-no-pods',
      severity: 'warning',
      message: `${name} selects no pod`,
      origin: entry.origin,
      pointer: '/spec/selector',
    });
    return;
  }
  const field =
    spec.minAvailable !== undefined ? 'minAvailable' : spec.maxUnavailable !== undefined ? 'maxUnavailable' : undefined;
  if (!field) return;
  const value = resolveIntOrPercent(spec[field], expected, true);
  if (value === undefined) return;
  const desired = field === 'minAvailable' ? value : Math.max(0, expected - value);
  const pods_ = (n: number): string => `${n} pod${n === 1 ? '' : 's'}`;
  if (desired > expected) {
    state.report({
      ruleId: 'pdb-never-satisfied',
      severity: 'error',
      message: `${name} can never be satisfied: it requires ${pods_(desired)} available but selects ${pods_(expected)}`,
      origin: entry.origin,
      pointer: `/spec/${field}`,
    });
  } else if (desired === expected) {
    state.report({
      ruleId: 'pdb-blocks-eviction',
      severity: 'warning',
      message: `${name} allows no disruption: it requires all ${pods_(expected)} it selects to stay available, so node drains will wait forever`,
      origin: entry.origin,
      pointer: `/spec/${field}`,
    });
  } else if (healthy < desired) {
    state.report({
      ruleId: 'pdb-not-satisfied',
      severity: 'warning',
      message: `${name} is not satisfied: it requires ${pods_(desired)} available but only ${healthy} of the ${pods_(expected)} it selects will be ready`,
      origin: entry.origin,
      pointer: `/spec/${field}`,
    });
  }
}
