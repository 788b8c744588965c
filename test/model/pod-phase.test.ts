/** A pod's phase as every stage reads it: terminal (finished for good) and terminating (being deleted) are different things. */
import { describe, expect, it } from '@jest/globals';
import { isTerminal, isTerminating, podPhase } from '../../src/model/pod-phase.js';

describe('pod phase', () => {
  it.each([
    [{}, 'Pending', false],
    [{ status: { phase: 'Running' } }, 'Running', false],
    [{ status: { phase: 'Succeeded' } }, 'Succeeded', true],
    [{ status: { phase: 'Failed' } }, 'Failed', true],
    [{ status: { phase: 7 } }, 'Pending', false],
    [{ status: 'Failed' }, 'Pending', false],
    [null, 'Pending', false],
  ])('%j is %s, terminal: %s', (pod, phase, terminal) => {
    expect(podPhase(pod)).toBe(phase);
    expect(isTerminal(pod)).toBe(terminal);
  });

  it('a pod with a deletion timestamp is terminating, whatever its phase', () => {
    expect(isTerminating({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } })).toBe(true);
    expect(
      isTerminating({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Succeeded' } }),
    ).toBe(true);
    expect(isTerminating({ metadata: { deletionTimestamp: null } })).toBe(false);
    expect(isTerminating({ metadata: {}, spec: { activeDeadlineSeconds: 30 } })).toBe(false);
    expect(isTerminating({ metadata: 'x' })).toBe(false);
  });
});
