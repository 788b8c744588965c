import { describe, expect, it } from '@jest/globals';
import {
  andSelectors,
  compileLabelSelector,
  EVERYTHING,
  formatSelector,
  isEmptySelector,
  labelsOf,
  NOTHING,
  requiredLabel,
  selectorFromSet,
  selectorKey,
  selectorMatches,
} from '../../src/model/selectors/label-selector.js';
import {
  formatRequirement,
  newRequirement,
  type Operator,
  parseInt64,
  requirementMatches,
} from '../../src/model/selectors/requirement.js';

const WEB = { app: 'web', tier: 'front' };

/**
 * Every edge case of a `metav1.LabelSelector`, through the one implementation: what the API
 * server's selector library builds from it (LabelSelectorAsSelector + NewRequirement), and so
 * what lint, the controllers and the scheduler all match.
 */
describe('compileLabelSelector (metav1.LabelSelectorAsSelector)', () => {
  const cases: Array<[string, unknown, Record<string, string>, boolean]> = [
    ['absent selects nothing', undefined, WEB, false],
    ['null selects nothing', null, WEB, false],
    ['{} selects everything', {}, WEB, true],
    ['{} selects a pod without labels', {}, {}, true],
    ['empty matchLabels and matchExpressions select everything', { matchLabels: {}, matchExpressions: [] }, WEB, true],
    ['null matchLabels is absent', { matchLabels: null }, WEB, true],
    ['matchLabels that match', { matchLabels: { app: 'web' } }, WEB, true],
    ['matchLabels that differ', { matchLabels: { app: 'api' } }, WEB, false],
    ['matchLabels on a missing key', { matchLabels: { zone: 'a' } }, WEB, false],
    ['a matchLabels value that is not a string is invalid', { matchLabels: { app: 1 } }, { app: '1' }, false],
    [
      'one bad matchLabels value invalidates the others',
      { matchLabels: { app: 'web', replicas: 2 } },
      { app: 'web' },
      false,
    ],
    ['matchLabels that is not a map is invalid', { matchLabels: 'app=web' }, WEB, false],
    ['matchLabels that is a list is invalid', { matchLabels: [] }, WEB, false],
    [
      'a matchLabels key of the wrong syntax is invalid',
      { matchLabels: { 'bad key': 'web' } },
      { 'bad key': 'web' },
      false,
    ],
    ['a matchLabels value of the wrong syntax is invalid', { matchLabels: { app: 'web_' } }, { app: 'web_' }, false],
    ['matchExpressions that is not a list is invalid', { matchExpressions: 'app in (web)' }, WEB, false],
    ['matchExpressions that is an empty string is invalid', { matchExpressions: '' }, WEB, false],
    ['matchExpressions that is a map is invalid', { matchExpressions: {} }, WEB, false],
    ['null matchExpressions is absent', { matchLabels: { app: 'web' }, matchExpressions: null }, WEB, true],
    ['an expression that is null is invalid', { matchExpressions: [null] }, WEB, false],
    ['an expression that is not an object is invalid', { matchExpressions: ['app'] }, WEB, false],
    ['In', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, WEB, true],
    ['In on a missing key', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, WEB, false],
    ['In without values is invalid', { matchExpressions: [{ key: 'app', operator: 'In' }] }, WEB, false],
    [
      'In with a number is invalid',
      { matchExpressions: [{ key: 'n', operator: 'In', values: [1] }] },
      { n: '1' },
      false,
    ],
    [
      'In with the number as a string',
      { matchExpressions: [{ key: 'n', operator: 'In', values: ['1'] }] },
      { n: '1' },
      true,
    ],
    [
      'values with one number among strings are invalid',
      { matchExpressions: [{ key: 'n', operator: 'In', values: ['2', 1] }] },
      { n: '2' },
      false,
    ],
    [
      '= is not an operator of a LabelSelector',
      { matchExpressions: [{ key: 'app', operator: '=', values: ['web'] }] },
      WEB,
      false,
    ],
    [
      'values that is not a list is invalid',
      { matchExpressions: [{ key: 'app', operator: 'In', values: 'web' }] },
      WEB,
      false,
    ],
    [
      'NotIn on a missing key matches',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      WEB,
      true,
    ],
    [
      'NotIn on another value matches',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] },
      WEB,
      true,
    ],
    ['NotIn on a listed value', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, WEB, false],
    [
      'NotIn without values is invalid',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: [] }] },
      WEB,
      false,
    ],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, WEB, true],
    ['Exists on a missing key', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, WEB, false],
    [
      'Exists with values is invalid',
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] },
      WEB,
      false,
    ],
    [
      'Exists with values: null is no values',
      { matchExpressions: [{ key: 'app', operator: 'Exists', values: null }] },
      WEB,
      true,
    ],
    ['DoesNotExist', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, WEB, true],
    ['DoesNotExist on a present key', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, WEB, false],
    [
      'DoesNotExist with values is invalid',
      { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist', values: ['a'] }] },
      WEB,
      false,
    ],
    [
      'Gt is not a LabelSelector operator',
      { matchExpressions: [{ key: 'n', operator: 'Gt', values: ['1'] }] },
      { n: '5' },
      false,
    ],
    [
      'Lt is not a LabelSelector operator',
      { matchExpressions: [{ key: 'n', operator: 'Lt', values: ['9'] }] },
      { n: '5' },
      false,
    ],
    [
      'an unknown operator is invalid',
      { matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] },
      WEB,
      false,
    ],
    ['a missing key is invalid', { matchExpressions: [{ operator: 'Exists' }] }, WEB, false],
    [
      'an expression key of the wrong syntax is invalid',
      { matchExpressions: [{ key: '-app', operator: 'Exists' }] },
      { '-app': 'x' },
      false,
    ],
    [
      'an expression value of the wrong syntax is invalid',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['web!'] }] },
      { app: 'web!' },
      false,
    ],
    [
      'the empty string is a value',
      { matchExpressions: [{ key: 'app', operator: 'In', values: [''] }] },
      { app: '' },
      true,
    ],
    [
      'matchLabels and matchExpressions must all hold',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] },
      WEB,
      false,
    ],
  ];

  it.each(cases)('%s', (_name, selector, labels, expected) => {
    expect(selectorMatches(compileLabelSelector(selector), labels)).toBe(expected);
  });

  it('tells an empty selector (everything) from an invalid or absent one (nothing)', () => {
    expect(compileLabelSelector({})).toEqual(EVERYTHING);
    expect(isEmptySelector(compileLabelSelector({}))).toBe(true);
    expect(compileLabelSelector(undefined)).toBe(NOTHING);
    expect(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toBe(NOTHING);
    expect(isEmptySelector(NOTHING)).toBe(false);
  });
});

describe('selectorFromSet (labels.SelectorFromSet: Service and ReplicationController selectors, nodeSelector)', () => {
  const cases: Array<[string, unknown, Record<string, string>, boolean]> = [
    ['absent selects everything (the consumer decides whether to read it)', undefined, WEB, true],
    ['null selects everything', null, WEB, true],
    ['a list is malformed', [], WEB, false],
    ['{} selects everything', {}, WEB, true],
    ['every pair must match', { app: 'web', tier: 'front' }, WEB, true],
    ['one pair that differs', { app: 'web', tier: 'back' }, WEB, false],
    ['a value that is not a string is malformed', { app: 'web', replicas: 1 }, WEB, false],
    ['a number is not its text', { n: 1 }, { n: '1' }, false],
    ['a selector that is not a map is malformed', 'app=web', WEB, false],
  ];
  it.each(cases)('%s', (_name, selector, labels, expected) => {
    expect(selectorMatches(selectorFromSet(selector), labels)).toBe(expected);
  });

  it('compiles a malformed set to NOTHING', () => {
    expect(selectorFromSet({ n: 1 })).toBe(NOTHING);
    expect(selectorFromSet({ app: null })).toBe(NOTHING);
  });
});

describe('requirements (labels.NewRequirement and Requirement.Matches)', () => {
  it('Gt and Lt compare the label as an int64 with the bound: Gt is label > bound', () => {
    const gt = newRequirement('cores', 'Gt', ['4'])!;
    const lt = newRequirement('cores', 'Lt', ['4'])!;
    expect([gt, lt].map((r) => ['3', '4', '5'].map((v) => requirementMatches(r, { cores: v })))).toEqual([
      [false, false, true],
      [true, false, false],
    ]);
  });

  it('Gt and Lt need exactly one integer value; a label that is not an integer matches neither', () => {
    expect(newRequirement('cores', 'Gt', ['four'])).toBeUndefined();
    expect(newRequirement('cores', 'Gt', ['1', '2'])).toBeUndefined();
    expect(newRequirement('cores', 'Lt', [])).toBeUndefined();
    const gt = newRequirement('cores', 'Gt', ['4'])!;
    expect(requirementMatches(gt, { cores: 'many' })).toBe(false);
    expect(requirementMatches(gt, {})).toBe(false);
    expect(requirementMatches(gt, { cores: '+7' })).toBe(true);
    expect(requirementMatches(gt, { cores: '9223372036854775808' })).toBe(false);
  });

  it('reads int64 as Go strconv.ParseInt does', () => {
    expect(parseInt64('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(parseInt64('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseInt64('9223372036854775808')).toBeUndefined();
    expect(parseInt64('-9223372036854775809')).toBeUndefined();
    expect(parseInt64(undefined)).toBeUndefined();
    expect(parseInt64('1.5')).toBeUndefined();
    expect(parseInt64(' 1')).toBeUndefined();
  });

  it('checks the key and values as the library does', () => {
    expect(newRequirement('example.com/app', 'In', ['web'])).toEqual({
      key: 'example.com/app',
      op: 'In',
      values: ['web'],
    });
    expect(newRequirement('a/b/c', 'Exists', [])).toBeUndefined();
    expect(newRequirement('app', 'In', ['x'.repeat(64)])).toBeUndefined();
    expect(newRequirement('app', '=', ['a', 'b'])).toBeUndefined();
    // An operator outside the library's list is an error too.
    expect(newRequirement('app', 'Like' as Operator, ['a'])).toBeUndefined();
  });
});

describe('compiled selectors', () => {
  it('print as kubectl prints them, sorted by key', () => {
    const s = compileLabelSelector({
      matchLabels: { tier: 'front' },
      matchExpressions: [
        { key: 'app', operator: 'In', values: ['web', 'api'] },
        { key: 'spot', operator: 'DoesNotExist' },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'gpu', operator: 'Exists' },
      ],
    });
    expect(formatSelector(s)).toBe('app in (api,web),env notin (dev),gpu,!spot,tier=front');
    expect(formatSelector(selectorFromSet({ b: '2', a: '1' }))).toBe('a=1,b=2');
    expect(formatSelector(NOTHING)).toBe('');
    expect(formatSelector(EVERYTHING)).toBe('');
    expect(formatRequirement(newRequirement('cores', 'Gt', ['4'])!)).toBe('cores>4');
    expect(formatRequirement(newRequirement('cores', 'Lt', ['4'])!)).toBe('cores<4');
  });

  it('compile to the same key whatever the order they were written in', () => {
    const a = compileLabelSelector({ matchLabels: { a: '1', b: '2' } });
    const b = compileLabelSelector({ matchLabels: { b: '2', a: '1' } });
    expect(selectorKey(a)).toBe(selectorKey(b));
    expect(selectorKey(a)).toBe('[["a","=",["1"]],["b","=",["2"]]]');
    expect(selectorKey(NOTHING)).toBe('!');
    expect(selectorKey(EVERYTHING)).toBe('[]');
    // Requirements on the same key sort by operator, then values.
    const exists = { key: 'a', operator: 'Exists' };
    const notIn = { key: 'a', operator: 'NotIn', values: ['y'] };
    const inX = { key: 'a', operator: 'In', values: ['x'] };
    const inY = { key: 'a', operator: 'In', values: ['y'] };
    expect(selectorKey(compileLabelSelector({ matchExpressions: [exists, notIn, inY, inX] }))).toBe(
      selectorKey(compileLabelSelector({ matchExpressions: [inX, inY, notIn, exists] })),
    );
  });

  it('select everything only when they have no requirement', () => {
    expect(isEmptySelector(selectorFromSet({ a: '1' }))).toBe(false);
    expect(isEmptySelector(EVERYTHING)).toBe(true);
  });

  it('AND together; nothing AND anything is nothing', () => {
    const app = selectorFromSet({ app: 'web' });
    const tier = compileLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }] });
    expect(selectorMatches(andSelectors(app, tier), WEB)).toBe(true);
    expect(selectorMatches(andSelectors(app, tier), { app: 'web', tier: 'back' })).toBe(false);
    expect(andSelectors(app, NOTHING)).toBe(NOTHING);
    expect(andSelectors(NOTHING, app)).toBe(NOTHING);
  });

  it('name a label every match carries, for indexes', () => {
    expect(requiredLabel(selectorFromSet({ app: 'web' }))).toBe('app\u0000web');
    expect(
      requiredLabel(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x'] }] })),
    ).toBe('a\u0000x');
    expect(
      requiredLabel(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }] })),
    ).toBe(undefined);
    expect(requiredLabel(NOTHING)).toBeUndefined();
    expect(
      requiredLabel(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] })),
    ).toBeUndefined();
    expect(
      requiredLabel(compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] })),
    ).toBeUndefined();
  });

  it('read only the string labels of an object', () => {
    expect(labelsOf({ metadata: { labels: { app: 'web', n: 1, x: null } } })).toEqual({ app: 'web' });
    expect(labelsOf({ metadata: { labels: 'app=web' } })).toEqual({});
    expect(labelsOf(null)).toEqual({});
  });
});
