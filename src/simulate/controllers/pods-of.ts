import type { KubeObject } from '../../model/manifest.js';
import { isPodReady } from '../objects/pod-status.js';
import { uidOf, type Entry, type SimulationState } from '../state.js';
import { isTerminal, isTerminating } from '../../model/pod-phase.js';

/** The live pods a controller owns: not finished, not being deleted. */
export function activePods(state: SimulationState, owner: KubeObject): Entry[] {
  return state.ownedBy(uidOf(owner), 'Pod').filter((e) => !isTerminal(e.object) && !isTerminating(e.object));
}

/** How many of them are available (Ready; minReadySeconds is not modelled). */
export function availableCount(state: SimulationState, owner: KubeObject): number {
  return activePods(state, owner).filter((e) => isPodReady(e.object)).length;
}
