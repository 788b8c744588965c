import type { KubeObject } from '../../model/manifest.js';
import type { SimulationState } from '../state.js';
import { addUsage, hardOf, inScope, podUsage } from './resource-quota.js';
import { cached } from '../../model/maps.js';
import { objectAt } from '../../model/json.js';
import { isTerminal } from '../../model/pod-phase.js';
import type { ResourceList } from '../../model/pod-resources.js';
import { namespaceOf } from '../../model/object-ref.js';

/** One quota's usage by the live pods of its namespace, as far into the state's pod log as read. */
interface Tracker {
  position: number;
  used: ResourceList;
  /** What each counted pod added, taken away again when it goes. */
  counted: Map<string, ResourceList>;
}

/** Per simulation, per quota object (a changed quota is a new object, counted afresh). */
const trackers = new WeakMap<SimulationState, WeakMap<KubeObject, Tracker>>();

/**
 * What the live pods of a quota's namespace use of it, brought up to date from the pods added
 * and removed since the last call: admitting each of a namespace's pods costs the pods created
 * in between, not all of them.
 */
export function quotaUsage(state: SimulationState, quota: KubeObject): ResourceList {
  const perQuota = cached(trackers, state, () => new WeakMap<KubeObject, Tracker>());
  const tracker = cached(perQuota, quota, (): Tracker => ({ position: 0, used: new Map(), counted: new Map() }));
  const namespace = namespaceOf(quota);
  const hard = hardOf(quota);
  for (; tracker.position < state.podLog.length; tracker.position++) {
    const { added, key, object } = state.podLog[tracker.position]!;
    if (namespaceOf(object) !== namespace) continue;
    if (!added) {
      const usage = tracker.counted.get(key);
      if (usage) addUsage(tracker.used, usage, hard, -1n);
      tracker.counted.delete(key);
      continue;
    }
    const spec = objectAt(object, 'spec') ?? {};
    if (isTerminal(object) || !inScope(quota, spec)) continue;
    const usage = podUsage(spec);
    tracker.counted.set(key, usage);
    addUsage(tracker.used, usage, hard, 1n);
  }
  return tracker.used;
}
