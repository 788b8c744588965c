import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/model/finding.js';
import type { FailOn, Severity } from '../../src/model/severity.js';
import { countBySeverity, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exitCodeFor } from '../../src/model/summary.js';

function finding(severity: Severity): Finding {
  return { ruleId: 'r', severity, message: 'm', file: 'f.yaml', line: 1, column: 1, pointer: '', phase: 'rule' };
}

const error = finding('error');
const warning = finding('warning');
const info = finding('info');

describe('exit codes', () => {
  it('are the documented ones', () => {
    expect([EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR]).toEqual([0, 1, 2]);
  });
});

describe('countBySeverity', () => {
  it.each([
    ['none', [], { errors: 0, warnings: 0, infos: 0 }],
    ['one of each', [error, warning, info], { errors: 1, warnings: 1, infos: 1 }],
    ['errors only', [error, error], { errors: 2, warnings: 0, infos: 0 }],
    ['warnings only', [warning, warning, warning], { errors: 0, warnings: 3, infos: 0 }],
    ['infos only', [info], { errors: 0, warnings: 0, infos: 1 }],
    ['mixed', [info, error, warning, info, error, info], { errors: 2, warnings: 1, infos: 3 }],
  ] as Array<[string, Finding[], object]>)('%s', (_name, findings, expected) => {
    expect(countBySeverity(findings)).toStrictEqual(expected);
  });
});

describe('exitCodeFor', () => {
  const cases: Array<[string, Finding[], number, FailOn, number]> = [
    ['no findings, no I/O errors', [], 0, 'error', 0],
    ['no findings, failOn info', [], 0, 'info', 0],
    ['one I/O error', [], 1, 'error', 2],
    ['I/O errors win over findings', [error], 3, 'error', 2],
    ['I/O errors count even with failOn never', [], 1, 'never', 2],
    ['an error with failOn error', [error], 0, 'error', 1],
    ['a warning with failOn error', [warning], 0, 'error', 0],
    ['a warning with failOn warning', [warning], 0, 'warning', 1],
    ['an info with failOn warning', [info], 0, 'warning', 0],
    ['an info with failOn info', [info], 0, 'info', 1],
    ['any finding meeting the level, not only the first', [info, info, warning], 0, 'warning', 1],
    ['an error with failOn never', [error], 0, 'never', 0],
  ];
  it.each(cases)('%s → %i', (_name, findings, ioErrors, failOn, expected) => {
    expect(exitCodeFor(findings, ioErrors, failOn)).toBe(expected);
  });
});
