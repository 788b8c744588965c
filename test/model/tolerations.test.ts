import { describe, expect, it } from '@jest/globals';
import {
  firstUntoleratedTaint,
  formatTaint,
  readTaints,
  readTolerations,
  tolerates,
} from '../../src/model/selectors/tolerations.js';

const [taint] = readTaints([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);

/** Toleration.ToleratesTaint, one case per rule. */
describe('tolerates', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    [
      'Equal with the same key, value and effect',
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
      true,
    ],
    ['no operator means Equal', { key: 'dedicated', value: 'gpu' }, true],
    ['Equal with another value', { key: 'dedicated', operator: 'Equal', value: 'db' }, false],
    ['Equal with no value does not match a value', { key: 'dedicated', operator: 'Equal' }, false],
    ['Exists ignores the value', { key: 'dedicated', operator: 'Exists' }, true],
    ['Exists with an empty key tolerates every taint', { operator: 'Exists' }, true],
    ['another key', { key: 'other', operator: 'Exists' }, false],
    ['an empty effect matches every effect', { key: 'dedicated', operator: 'Exists', effect: '' }, true],
    ['another effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    ['null fields are empty', { key: 'dedicated', operator: 'Exists', effect: null }, true],
    ['an unknown operator tolerates nothing', { key: 'dedicated', operator: 'exists' }, false],
  ];
  it.each(cases)('%s', (_name, toleration, expected) => {
    const [t] = readTolerations([toleration]);
    expect(tolerates(t!, taint!)).toBe(expected);
  });
});

describe('reading', () => {
  it('leaves out tolerations of the wrong shape: they tolerate nothing', () => {
    expect(
      readTolerations([
        { key: 'dedicated', operator: 'Exists', value: 5 },
        { operator: 'Exists', effect: 1 },
      ]),
    ).toEqual([]);
    // Each field of the wrong type alone leaves the toleration out.
    expect(
      readTolerations([
        { key: 7, operator: 'Exists' },
        { key: 'dedicated', operator: true },
        { key: 'dedicated', value: ['gpu'] },
        { key: 'dedicated', operator: 'Exists', effect: 0 },
        { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
      ]),
    ).toEqual([{ key: 'dedicated', operator: 'Exists', value: '', effect: 'NoSchedule' }]);
    expect(readTolerations(['Exists', null])).toEqual([]);
    expect(readTolerations('dedicated')).toEqual([]);
  });

  it('reads taint fields that are absent, null or of the wrong type as empty, and skips items that are not objects', () => {
    expect(readTaints([{ key: 1, value: 2, effect: 'NoSchedule' }, { key: 'a', value: null }, 'x', null])).toEqual([
      { key: '', value: '', effect: 'NoSchedule' },
      { key: 'a', value: '', effect: '' },
    ]);
    expect(readTaints([{ key: 'a', value: 'b', effect: 7 }])).toEqual([{ key: 'a', value: 'b', effect: '' }]);
    expect(readTaints(undefined)).toEqual([]);
  });
});

describe('firstUntoleratedTaint', () => {
  it('names the first NoSchedule or NoExecute taint no toleration tolerates; PreferNoSchedule never blocks', () => {
    const taints = readTaints([
      { key: 'soft', effect: 'PreferNoSchedule' },
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      { key: 'evict', effect: 'NoExecute' },
      'not a taint',
    ]);
    expect(firstUntoleratedTaint(taints, [])).toEqual({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' });
    const tolerations = readTolerations([{ key: 'dedicated', operator: 'Exists' }]);
    expect(formatTaint(firstUntoleratedTaint(taints, tolerations)!)).toBe('{evict: }');
    expect(firstUntoleratedTaint(taints, readTolerations([{ operator: 'Exists' }]))).toBeUndefined();
  });
});
