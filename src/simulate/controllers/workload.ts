import type { KubeObject } from '../../model/manifest.js';
import { describeRef, refOf } from '../../model/object-ref.js';
import { groupKindOfObject } from '../../model/group-kind.js';
import { type ConsumerSelector, workloadSelector } from '../../model/selectors/consumers.js';
import { cached } from '../../model/maps.js';
import { labelsOf, selectorMatches } from '../../model/selectors/label-selector.js';
import type { Entry, SimulationState } from '../state.js';
import { objectAt } from '../../model/json.js';

/** What every workload controller checks before acting: replicas, selector, template. */
export interface WorkloadShape {
  spec: Record<string, unknown>;
  template: Record<string, unknown>;
  selector: Record<string, unknown>;
  replicas: number;
}

/**
 * The parts of a workload a controller needs, or undefined after reporting why it cannot run:
 * the API server refuses a workload whose selector is missing, empty (apps/v1) or does not select
 * its own template (`selector` does not match template `labels`), so no controller ever sees one.
 * A selector the API server refuses as malformed was left out before any controller ran.
 */
export function workloadShape(
  state: SimulationState,
  entry: Entry,
  options: { replicas: boolean } = { replicas: true },
): WorkloadShape | undefined {
  const spec = objectAt(entry.object, 'spec');
  const template = spec && objectAt(spec, 'template');
  const selector = spec && objectAt(spec, 'selector');
  if (!spec || !template) return undefined;
  // Without a selector object, the reason given still depends on what workloadSelector reads.
  const check = selector
    ? selectorCheck(entry.object, selector, template)
    : { state: workloadSelector(groupKindOfObject(entry.object), entry.object).state, matchesTemplate: false };
  if (!selector || check.state !== 'set' || !check.matchesTemplate) {
    const why =
      check.state === 'set'
        ? 'its selector does not match the labels of its pod template'
        : 'its selector is missing, empty or invalid';
    state.report({
      ruleId: 'workload-selector-mismatch',
      severity: 'error',
      message: `${describeRef(refOf(entry.object))} is refused by the API server: ${why}`,
      origin: entry.origin,
      pointer: '/spec/selector',
    });
    return undefined;
  }
  const replicas = options.replicas ? spec.replicas : 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) return undefined;
  return { spec, template, selector, replicas };
}

/** A workload's compiled selector, and whether it selects the workload's own pod template. */
interface SelectorCheck {
  state: ConsumerSelector['state'];
  matchesTemplate: boolean;
}

/**
 * The checks already made, by selector object, then template object, then kind: controllers
 * check every workload every round, and compiling the selector (with the syntax checks of its
 * keys and values) each time cost more than the rest of the round. Caching by object is safe as a
 * stored object is never changed in place (SimulationState): a new version of a workload shares
 * its selector and template until one of them changes, and then has a new object for it.
 */
const selectorChecks = new WeakMap<object, WeakMap<object, Map<string, SelectorCheck>>>();

function selectorCheck(workload: KubeObject, selector: object, template: object): SelectorCheck {
  const kind = groupKindOfObject(workload);
  const byTemplate = cached(selectorChecks, selector, () => new WeakMap<object, Map<string, SelectorCheck>>());
  const byKind = cached(byTemplate, template, () => new Map<string, SelectorCheck>());
  return cached(byKind, kind, () => {
    // The selector read as workloadSelector reads it: from the workload's spec, the same object.
    const owned = workloadSelector(kind, workload);
    return { state: owned.state, matchesTemplate: selectorMatches(owned.selector, labelsOf(template)) };
  });
}

/**
 * A new version of a stored object for `state.replace`: a shallow copy with some top-level
 * fields replaced. What did not change is shared with the old version, which is safe because
 * a stored object is never changed in place (SimulationState); a deep copy per change would
 * dominate the run on large plans.
 */
export function revised(object: KubeObject, fields: Record<string, unknown>): KubeObject {
  return { ...object, ...fields };
}

/** `revised` with fields of `spec` replaced. */
export function withSpec(object: KubeObject, fields: Record<string, unknown>): KubeObject {
  return revised(object, { spec: { ...(objectAt(object, 'spec') ?? {}), ...fields } });
}
