import type { KubeObject } from '../../model/manifest.js';
import { describeRef, refOf } from '../../model/object-ref.js';
import { groupKindOfObject } from '../../model/group-kind.js';
import { workloadSelector } from '../../model/selectors/consumers.js';
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
  const owned = workloadSelector(groupKindOfObject(entry.object), entry.object);
  if (!selector || owned.state !== 'set' || !selectorMatches(owned.selector, labelsOf(template))) {
    const why =
      owned.state === 'set'
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
