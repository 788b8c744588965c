import { describe, expect, it } from '@jest/globals';
import {
  FAIL_ON_LEVELS,
  meetsFailLevel,
  SEVERITIES,
  type FailOn,
  type Severity,
  severityRank,
} from '../../src/model/severity.js';

describe('severity levels', () => {
  it('lists severities from most to least severe', () => {
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
  });

  it('lists fail-on levels from most to least strict reading, ending with never', () => {
    expect(FAIL_ON_LEVELS).toEqual(['error', 'warning', 'info', 'never']);
  });

  it.each([
    ['error', 3],
    ['warning', 2],
    ['info', 1],
  ] as Array<[Severity, number]>)('ranks %s as %i', (severity, rank) => {
    expect(severityRank(severity)).toBe(rank);
  });
});

/** Every severity against every fail-on level. */
describe('meetsFailLevel', () => {
  const cases: Array<[Severity, FailOn, boolean]> = [
    ['error', 'error', true],
    ['warning', 'error', false],
    ['info', 'error', false],
    ['error', 'warning', true],
    ['warning', 'warning', true],
    ['info', 'warning', false],
    ['error', 'info', true],
    ['warning', 'info', true],
    ['info', 'info', true],
    ['error', 'never', false],
    ['warning', 'never', false],
    ['info', 'never', false],
  ];
  it.each(cases)('a finding of %s with failOn %s: %p', (severity, failOn, expected) => {
    expect(meetsFailLevel(severity, failOn)).toBe(expected);
  });
});
