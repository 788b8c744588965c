import { describe, expect, it } from '@jest/globals';
import {
  FieldPath,
  type SelectorProblem,
  validateLabelSelector,
  validateLabels,
  validateNodeSelector,
  validatePreferredSchedulingTerms,
  validateTolerations,
} from '../../src/model/selectors/validation.js';

/**
 * The API server's validation of selectors, node affinity and tolerations, function by function,
 * with the field paths and messages of apimachinery metav1validation.ValidateLabelSelector and
 * ValidateLabels and core validation ValidateNodeSelector, ValidatePreferredSchedulingTerms and
 * ValidateTolerations (kubernetes/kubernetes pkg/apis/core/validation/validation.go). Values of
 * the wrong JSON type, and required fields that are absent, are the schema's findings: these
 * functions say nothing about them.
 */

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const SUBDOMAIN_1123 =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const IN_NEEDS_VALUES = "Required value: must be specified when `operator` is 'In' or 'NotIn'";
const EXISTS_HAS_VALUES = "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'";
const GT_NEEDS_ONE = "Required value: must be specified single value when `operator` is 'Lt' or 'Gt'";
const FIELD_NEEDS_ONE =
  "Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector";

describe('FieldPath', () => {
  it('names children with dots, but not after the empty root', () => {
    const root = new FieldPath('', '');
    expect(root.child('spec')).toEqual(new FieldPath('/spec', 'spec'));
    expect(root.child('spec').child('selector')).toEqual(new FieldPath('/spec/selector', 'spec.selector'));
  });

  it('indexes lists with brackets in the text and a segment in the pointer', () => {
    expect(new FieldPath('/spec/tolerations', 'spec.tolerations').index(2)).toEqual(
      new FieldPath('/spec/tolerations/2', 'spec.tolerations[2]'),
    );
  });

  it('escapes / and ~ in pointer segments, not in the text', () => {
    const p = new FieldPath('/m', 'm').child('a/b~c');
    expect(p.pointer).toBe('/m/a~1b~0c');
    expect(p.text).toBe('m.a/b~c');
  });
});

/** ValidateLabels, for matchLabels and the map selectors. */
describe('validateLabels', () => {
  const at = new FieldPath('/spec/selector', 'spec.selector');

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a string', 'app=web'],
    ['a list', [{ app: 'web' }]],
    ['a number', 3],
    ['empty', {}],
    ['valid keys and values', { app: 'web', 'app.kubernetes.io/name': 'web', tier: '' }],
    ['values of the wrong type (the schema’s finding)', { app: 1, tier: null, zone: ['a'] }],
  ])('%s: no problems', (_name, map) => {
    expect(validateLabels(map, at)).toEqual([]);
  });

  it('names the map and points at the key of an invalid key', () => {
    expect(validateLabels({ '-app': 'web' }, at)).toStrictEqual([
      {
        pointer: '/spec/selector/-app',
        target: 'key',
        message: `spec.selector: Invalid value: "-app": name part ${QUALIFIED}`,
      },
    ]);
  });

  it('escapes a prefixed key in the pointer and reports each problem of the key', () => {
    expect(validateLabels({ 'Example.com/-app': 'web' }, at)).toStrictEqual([
      {
        pointer: '/spec/selector/Example.com~1-app',
        target: 'key',
        message: `spec.selector: Invalid value: "Example.com/-app": prefix part ${SUBDOMAIN_1123}`,
      },
      {
        pointer: '/spec/selector/Example.com~1-app',
        target: 'key',
        message: `spec.selector: Invalid value: "Example.com/-app": name part ${QUALIFIED}`,
      },
    ]);
  });

  it('names the map and points at the value of an invalid value', () => {
    expect(validateLabels({ app: 'web app' }, at)).toStrictEqual([
      { pointer: '/spec/selector/app', message: `spec.selector: Invalid value: "web app": ${LABEL_VALUE}` },
    ]);
  });

  it('reports a 64-character value as too long, a 63-character one not at all', () => {
    expect(validateLabels({ ok: 'v'.repeat(63), long: 'v'.repeat(64) }, at)).toStrictEqual([
      {
        pointer: '/spec/selector/long',
        message: `spec.selector: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
      },
    ]);
  });

  it('quotes the value as Go’s %q does', () => {
    expect(validateLabels({ app: 'a"b' }, at)).toStrictEqual([
      { pointer: '/spec/selector/app', message: `spec.selector: Invalid value: "a\\"b": ${LABEL_VALUE}` },
    ]);
  });

  it('reports entry by entry: the key, then the value', () => {
    expect(validateLabels({ '-a': '-x', b: 'ok', '-c': 'ok' }, at).map((p) => [p.pointer, p.target])).toEqual([
      ['/spec/selector/-a', 'key'],
      ['/spec/selector/-a', undefined],
      ['/spec/selector/-c', 'key'],
    ]);
  });
});

/** ValidateLabelSelector and ValidateLabelSelectorRequirement (values must be label values). */
describe('validateLabelSelector', () => {
  const at = new FieldPath('/spec/selector', 'spec.selector');
  const expression = (e: Record<string, unknown>): SelectorProblem[] =>
    validateLabelSelector({ matchExpressions: [e] }, at);
  const E = 'spec.selector.matchExpressions[0]';
  const P = '/spec/selector/matchExpressions/0';

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a string', 'app=web'],
    ['a list', []],
    ['empty', {}],
    [
      'matchLabels and matchExpressions of the wrong type',
      { matchLabels: 'app=web', matchExpressions: 'app in (web)' },
    ],
    ['expressions that are not objects', { matchExpressions: [null, 'app', 3] }],
    [
      'every operator used right',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['front', 'back'] },
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'zone', operator: 'Exists' },
          { key: 'zone', operator: 'Exists', values: [] },
          { key: 'zone', operator: 'DoesNotExist', values: null },
        ],
      },
    ],
  ])('%s: no problems', (_name, selector) => {
    expect(validateLabelSelector(selector, at)).toEqual([]);
  });

  it('validates matchLabels as labels, under matchLabels', () => {
    expect(validateLabelSelector({ matchLabels: { app: '-web' } }, at)).toStrictEqual([
      {
        pointer: '/spec/selector/matchLabels/app',
        message: `spec.selector.matchLabels: Invalid value: "-web": ${LABEL_VALUE}`,
      },
    ]);
  });

  it.each([
    ['In', undefined],
    ['In', null],
    ['In', []],
    ['NotIn', undefined],
    ['NotIn', []],
  ])('%s with values %p: values are required', (operator, values) => {
    expect(expression({ key: 'app', operator, values })).toStrictEqual([
      { pointer: `${P}/values`, message: `${E}.values: ${IN_NEEDS_VALUES}` },
    ]);
  });

  it.each(['Exists', 'DoesNotExist'])('%s with a value: values are forbidden', (operator) => {
    expect(expression({ key: 'app', operator, values: ['web'] })).toStrictEqual([
      { pointer: `${P}/values`, message: `${E}.values: ${EXISTS_HAS_VALUES}` },
    ]);
  });

  it.each([
    ['In', 'web'],
    ['Exists', 'web'],
    ['Exists', { a: 1 }],
  ])('%s with values that are not a list (the schema’s finding): nothing', (operator, values) => {
    expect(expression({ key: 'app', operator, values })).toEqual([]);
  });

  it.each(['Gt', 'Lt', 'in', 'Equal', ''])('operator %p is not a label selector operator', (operator) => {
    expect(expression({ key: 'app', operator, values: ['1'] })).toStrictEqual([
      {
        pointer: `${P}/operator`,
        message: `${E}.operator: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator`,
      },
    ]);
  });

  it.each([undefined, null, 5])(
    'an operator of %p (absent or of the wrong type: the schema’s finding): nothing',
    (operator) => {
      expect(expression({ key: 'app', operator, values: ['web'] })).toEqual([]);
    },
  );

  it('checks the key as a qualified name', () => {
    expect(expression({ key: 'app/', operator: 'Exists' })).toStrictEqual([
      { pointer: `${P}/key`, message: `${E}.key: Invalid value: "app/": name part must be non-empty` },
      { pointer: `${P}/key`, message: `${E}.key: Invalid value: "app/": name part ${QUALIFIED}` },
    ]);
    expect(expression({ key: 'a/b/c', operator: 'Exists' })).toStrictEqual([
      {
        pointer: `${P}/key`,
        message: `${E}.key: Invalid value: "a/b/c": a qualified name ${QUALIFIED}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      },
    ]);
  });

  it('leaves a key of the wrong type to the schema', () => {
    expect(expression({ key: 7, operator: 'Exists' })).toEqual([]);
    expect(expression({ operator: 'Exists' })).toEqual([]);
  });

  it('checks each string value as a label value, at its own index', () => {
    expect(expression({ key: 'app', operator: 'In', values: ['web', 5, 'web app', 'v'.repeat(64)] })).toStrictEqual([
      { pointer: `${P}/values/2`, message: `${E}.values[2]: Invalid value: "web app": ${LABEL_VALUE}` },
      {
        pointer: `${P}/values/3`,
        message: `${E}.values[3]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
      },
    ]);
  });

  it('reports the operator, then the key, then the values', () => {
    expect(expression({ key: '-app', operator: 'Exists', values: ['-web'] }).map((p) => p.pointer)).toEqual([
      `${P}/values`,
      `${P}/key`,
      `${P}/values/0`,
    ]);
  });

  it('keeps the index of each expression, skipping items that are not objects, after matchLabels', () => {
    const problems = validateLabelSelector(
      {
        matchLabels: { '-a': 'x' },
        matchExpressions: [null, { key: 'b', operator: 'In' }, 'c', { key: 'd', operator: 'Bogus' }],
      },
      at,
    );
    expect(problems.map((p) => p.message)).toEqual([
      `spec.selector.matchLabels: Invalid value: "-a": name part ${QUALIFIED}`,
      `spec.selector.matchExpressions[1].values: ${IN_NEEDS_VALUES}`,
      'spec.selector.matchExpressions[3].operator: Invalid value: "Bogus": not a valid selector operator',
    ]);
  });
});

/** ValidateNodeSelector, for requiredDuringSchedulingIgnoredDuringExecution. */
describe('validateNodeSelector', () => {
  const at = new FieldPath('/spec/affinity/nodeAffinity/required', 'spec.affinity.nodeAffinity.required');
  const T = 'spec.affinity.nodeAffinity.required.nodeSelectorTerms';
  const TP = '/spec/affinity/nodeAffinity/required/nodeSelectorTerms';
  const expression = (e: Record<string, unknown>): SelectorProblem[] =>
    validateNodeSelector({ nodeSelectorTerms: [{ matchExpressions: [e] }] }, at);
  const field = (e: Record<string, unknown>): SelectorProblem[] =>
    validateNodeSelector({ nodeSelectorTerms: [{ matchFields: [e] }] }, at);
  const E = `${T}[0].matchExpressions[0]`;
  const EP = `${TP}/0/matchExpressions/0`;
  const F = `${T}[0].matchFields[0]`;
  const FP = `${TP}/0/matchFields/0`;

  it.each([
    ['absent', undefined],
    ['null', null],
    ['a string', 'zone=a'],
    ['a list', [{ nodeSelectorTerms: [] }]],
  ])('%s: no problems', (_name, selector) => {
    expect(validateNodeSelector(selector, at)).toEqual([]);
  });

  it.each([
    ['absent', {}],
    ['null', { nodeSelectorTerms: null }],
    ['empty', { nodeSelectorTerms: [] }],
  ])('terms %s: at least one is required', (_name, selector) => {
    expect(validateNodeSelector(selector, at)).toStrictEqual([
      { pointer: TP, message: `${T}: Required value: must have at least one node selector term` },
    ]);
  });

  it('leaves terms of the wrong type to the schema', () => {
    expect(validateNodeSelector({ nodeSelectorTerms: 'zone=a' }, at)).toEqual([]);
    expect(validateNodeSelector({ nodeSelectorTerms: { matchExpressions: [] } }, at)).toEqual([]);
  });

  it('accepts empty terms and terms with every operator used right', () => {
    expect(
      validateNodeSelector(
        {
          nodeSelectorTerms: [
            {},
            null,
            {
              matchExpressions: [
                { key: 'zone', operator: 'In', values: ['a', 'b'] },
                { key: 'zone', operator: 'NotIn', values: ['c'] },
                { key: 'gpu', operator: 'Exists' },
                { key: 'gpu', operator: 'DoesNotExist', values: [] },
                { key: 'cores', operator: 'Gt', values: ['4'] },
                { key: 'cores', operator: 'Lt', values: ['64'] },
              ],
              matchFields: [
                { key: 'metadata.name', operator: 'In', values: ['node-1'] },
                { key: 'metadata.name', operator: 'NotIn', values: ['node-2.example.com'] },
              ],
            },
          ],
        },
        at,
      ),
    ).toEqual([]);
  });

  it.each([
    ['In', undefined],
    ['In', []],
    ['NotIn', null],
  ])('%s with values %p: values are required', (operator, values) => {
    expect(expression({ key: 'zone', operator, values })).toStrictEqual([
      { pointer: `${EP}/values`, message: `${E}.values: ${IN_NEEDS_VALUES}` },
    ]);
  });

  it.each(['Exists', 'DoesNotExist'])('%s with a value: values are forbidden', (operator) => {
    expect(expression({ key: 'zone', operator, values: ['a'] })).toStrictEqual([
      { pointer: `${EP}/values`, message: `${E}.values: ${EXISTS_HAS_VALUES}` },
    ]);
  });

  it.each([
    ['Gt', undefined],
    ['Gt', []],
    ['Gt', ['1', '2']],
    ['Lt', null],
    ['Lt', ['1', '2', '3']],
  ])('%s with values %p: exactly one value is required', (operator, values) => {
    expect(expression({ key: 'cores', operator, values })).toStrictEqual([
      { pointer: `${EP}/values`, message: `${E}.values: ${GT_NEEDS_ONE}` },
    ]);
  });

  // ValidateNodeSelectorRequirement checks only the number of Gt/Lt values; a value that is not an
  // integer passes validation (the selector then matches no node).
  it.each(['abc', '1.5', '99999999999999999999'])('Gt with the non-integer value %p: no problem', (value) => {
    expect(expression({ key: 'cores', operator: 'Gt', values: [value] })).toEqual([]);
  });

  it('Lt with a negative bound: not a label value, so invalid in a required term', () => {
    expect(expression({ key: 'cores', operator: 'Lt', values: ['-1'] })).toStrictEqual([
      { pointer: `${EP}/values/0`, message: `${E}.values[0]: Invalid value: "-1": ${LABEL_VALUE}` },
    ]);
  });

  it.each([
    ['In', 'a'],
    ['Gt', '1'],
    ['Exists', 'a'],
  ])('%s with values that are not a list (the schema’s finding): nothing', (operator, values) => {
    expect(expression({ key: 'zone', operator, values })).toEqual([]);
  });

  it.each(['Equal', 'in', 'Between', ''])('operator %p is not a node selector operator', (operator) => {
    expect(expression({ key: 'zone', operator, values: ['a'] })).toStrictEqual([
      {
        pointer: `${EP}/operator`,
        message: `${E}.operator: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator`,
      },
    ]);
  });

  it('leaves an absent operator to the schema', () => {
    expect(expression({ key: 'zone', values: ['a'] })).toEqual([]);
  });

  it('checks the key and each value of a required term', () => {
    expect(expression({ key: 'Zone/', operator: 'In', values: ['a', 'b c'] })).toStrictEqual([
      { pointer: `${EP}/key`, message: `${E}.key: Invalid value: "Zone/": prefix part ${SUBDOMAIN_1123}` },
      { pointer: `${EP}/key`, message: `${E}.key: Invalid value: "Zone/": name part must be non-empty` },
      { pointer: `${EP}/key`, message: `${E}.key: Invalid value: "Zone/": name part ${QUALIFIED}` },
      { pointer: `${EP}/values/1`, message: `${E}.values[1]: Invalid value: "b c": ${LABEL_VALUE}` },
    ]);
  });

  it.each([
    ['absent', undefined],
    ['empty', []],
    ['two', ['node-1', 'node-2']],
  ])('a field requirement with %s values: exactly one is required', (_name, values) => {
    expect(field({ key: 'metadata.name', operator: 'In', values })).toStrictEqual([
      { pointer: `${FP}/values`, message: `${F}.values: ${FIELD_NEEDS_ONE}` },
    ]);
  });

  it('a field requirement with values that are not a list (the schema’s finding): nothing', () => {
    expect(field({ key: 'metadata.name', operator: 'NotIn', values: 'node-1' })).toEqual([]);
  });

  it.each(['Exists', 'DoesNotExist', 'Gt', 'Lt', ''])('a field requirement with operator %p: not valid', (operator) => {
    expect(field({ key: 'metadata.name', operator, values: ['node-1'] })).toStrictEqual([
      {
        pointer: `${FP}/operator`,
        message: `${F}.operator: Invalid value: ${JSON.stringify(operator)}: not a valid selector operator`,
      },
    ]);
  });

  it('a field requirement with an operator of the wrong type (the schema’s finding): nothing', () => {
    expect(field({ key: 'metadata.name', values: ['node-1'] })).toEqual([]);
    expect(field({ key: 'metadata.name', operator: 1, values: ['node-1'] })).toEqual([]);
  });

  it.each(['metadata.labels', 'metadata.namespace', 'spec.unschedulable', ''])(
    'a field requirement on %p: not a field selector key, and its values are not checked',
    (key) => {
      expect(field({ key, operator: 'In', values: ['Not_A_Name'] })).toStrictEqual([
        {
          pointer: `${FP}/key`,
          message: `${F}.key: Invalid value: ${JSON.stringify(key)}: not a valid field selector key`,
        },
      ]);
    },
  );

  it('a field requirement without a key (the schema’s finding): nothing', () => {
    expect(field({ operator: 'In', values: ['Not_A_Name'] })).toEqual([]);
  });

  it('checks metadata.name values as node names (DNS subdomains), not as label values', () => {
    expect(field({ key: 'metadata.name', operator: 'In', values: ['Node_1', `${'n'.repeat(254)}`] })).toStrictEqual([
      { pointer: `${FP}/values`, message: `${F}.values: ${FIELD_NEEDS_ONE}` },
      { pointer: `${FP}/values/0`, message: `${F}.values[0]: Invalid value: "Node_1": ${SUBDOMAIN_1123}` },
      {
        pointer: `${FP}/values/1`,
        message: `${F}.values[1]: Invalid value: "${'n'.repeat(254)}": must be no more than 253 characters`,
      },
    ]);
    expect(field({ key: 'metadata.name', operator: 'In', values: ['a'.repeat(100)] })).toEqual([]);
  });

  it('reports the operator, then the key, of a field requirement', () => {
    expect(field({ key: 'metadata.uid', operator: 'Exists' }).map((p) => p.pointer)).toEqual([
      `${FP}/operator`,
      `${FP}/key`,
    ]);
  });

  // The index is that of the value in the list: a non-string before it (the schema's finding)
  // must not shift it. kubeplan numbers the string values only.
  it('a metadata.name value after a value of the wrong type keeps its index', () => {
    expect(field({ key: 'metadata.name', operator: 'In', values: [5, 'Node_1'] })).toContainEqual({
      pointer: `${FP}/values/1`,
      message: `${F}.values[1]: Invalid value: "Node_1": ${SUBDOMAIN_1123}`,
    });
  });

  it('keeps term, expression and field indexes, and skips items that are not objects', () => {
    const problems = validateNodeSelector(
      {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
          {
            matchExpressions: ['x', { key: 'zone', operator: 'In' }],
            matchFields: [null, { key: 'metadata.name', operator: 'In' }],
          },
        ],
      },
      at,
    );
    expect(problems.map((p) => p.message)).toEqual([
      `${T}[1].matchExpressions[1].values: ${IN_NEEDS_VALUES}`,
      `${T}[1].matchFields[1].values: ${FIELD_NEEDS_ONE}`,
    ]);
  });

  it('leaves matchExpressions and matchFields of the wrong type to the schema', () => {
    expect(
      validateNodeSelector({ nodeSelectorTerms: [{ matchExpressions: { key: 'a' }, matchFields: 'x' }] }, at),
    ).toEqual([]);
  });
});

/** ValidatePreferredSchedulingTerms: weights, and terms whose values may be any string. */
describe('validatePreferredSchedulingTerms', () => {
  const at = new FieldPath('/spec/affinity/nodeAffinity/preferred', 'spec.affinity.nodeAffinity.preferred');
  const T = 'spec.affinity.nodeAffinity.preferred';
  const TP = '/spec/affinity/nodeAffinity/preferred';
  const withWeight = (weight: unknown): SelectorProblem[] =>
    validatePreferredSchedulingTerms([{ weight, preference: { matchExpressions: [] } }], at);

  it.each([
    ['absent', undefined],
    ['null', null],
    ['an object', { weight: 0 }],
    ['a string', 'zone=a'],
    ['empty', []],
    ['items that are not objects', [null, 'x', 3]],
  ])('%s: no problems', (_name, terms) => {
    expect(validatePreferredSchedulingTerms(terms, at)).toEqual([]);
  });

  it.each([1, 50, 100])('weight %p is in range', (weight) => {
    expect(withWeight(weight)).toEqual([]);
  });

  it.each([0, -1, 101, 1000])('weight %p is out of range', (weight) => {
    expect(withWeight(weight)).toStrictEqual([
      { pointer: `${TP}/0/weight`, message: `${T}[0].weight: Invalid value: ${weight}: must be in the range 1-100` },
    ]);
  });

  it.each([
    ['absent', undefined],
    ['a string', '0'],
    ['null', null],
  ])('weight %s (the schema’s finding): nothing', (_name, weight) => {
    expect(withWeight(weight)).toEqual([]);
  });

  it('does not check values as label values (upstream allows any value in preferred terms)', () => {
    expect(
      validatePreferredSchedulingTerms(
        [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['not a label'] }] } }],
        at,
      ),
    ).toEqual([]);
  });

  it('checks operators, value counts, keys and field requirements of the preference', () => {
    const problems = validatePreferredSchedulingTerms(
      [
        { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
        {
          weight: 200,
          preference: {
            matchExpressions: [
              { key: 'cores', operator: 'Gt', values: ['1', '2'] },
              { key: '-zone', operator: 'Equal', values: ['-a'] },
            ],
            matchFields: [{ key: 'metadata.name', operator: 'In', values: ['Node_1'] }],
          },
        },
      ],
      at,
    );
    expect(problems).toStrictEqual([
      { pointer: `${TP}/1/weight`, message: `${T}[1].weight: Invalid value: 200: must be in the range 1-100` },
      {
        pointer: `${TP}/1/preference/matchExpressions/0/values`,
        message: `${T}[1].preference.matchExpressions[0].values: ${GT_NEEDS_ONE}`,
      },
      {
        pointer: `${TP}/1/preference/matchExpressions/1/operator`,
        message: `${T}[1].preference.matchExpressions[1].operator: Invalid value: "Equal": not a valid selector operator`,
      },
      {
        pointer: `${TP}/1/preference/matchExpressions/1/key`,
        message: `${T}[1].preference.matchExpressions[1].key: Invalid value: "-zone": name part ${QUALIFIED}`,
      },
      {
        pointer: `${TP}/1/preference/matchFields/0/values/0`,
        message: `${T}[1].preference.matchFields[0].values[0]: Invalid value: "Node_1": ${SUBDOMAIN_1123}`,
      },
    ]);
  });

  it('accepts a preference that is absent or empty', () => {
    expect(validatePreferredSchedulingTerms([{ weight: 1 }, { weight: 2, preference: {} }], at)).toEqual([]);
  });
});

/** ValidateTolerations. */
describe('validateTolerations', () => {
  const at = new FieldPath('/spec/tolerations', 'spec.tolerations');
  const one = (t: Record<string, unknown>): SelectorProblem[] => validateTolerations([t], at);
  const EMPTY_KEY = 'operator must be Exists when `key` is empty, which means "match all values and all keys"';
  const SECONDS = "effect must be 'NoExecute' when `tolerationSeconds` is set";

  it.each([
    ['absent', undefined],
    ['null', null],
    ['an object', { key: '' }],
    ['a string', 'Exists'],
    ['empty', []],
    ['items that are not objects', [null, 'x', 1]],
  ])('%s: no problems', (_name, tolerations) => {
    expect(validateTolerations(tolerations, at)).toEqual([]);
  });

  it.each([
    ['Equal with every field', { key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }],
    ['no operator means Equal', { key: 'k', value: 'v' }],
    ['Equal with an empty value', { key: 'k', operator: 'Equal' }],
    ['Exists', { key: 'k', operator: 'Exists' }],
    ['Exists with an empty value', { key: 'k', operator: 'Exists', value: '' }],
    ['Exists with an empty key matches everything', { operator: 'Exists' }],
    ['NoExecute with tolerationSeconds', { key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
    [
      'null tolerationSeconds is unset',
      { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: null },
    ],
    ['a prefixed key', { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
    ['a 63-character value', { key: 'k', value: 'v'.repeat(63) }],
    // validateTaintEffect is left to the schema's enum: these functions do not check effects.
    ['an effect this function does not check', { key: 'k', operator: 'Exists', effect: 'Sometimes' }],
  ])('%s: no problems', (_name, t) => {
    expect(one(t)).toEqual([]);
  });

  it('checks the key as a qualified name', () => {
    expect(one({ key: '-k', operator: 'Exists' })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/key',
        message: `spec.tolerations[0].key: Invalid value: "-k": name part ${QUALIFIED}`,
      },
    ]);
  });

  it.each([
    ['absent', {}, ''],
    ['Equal', { operator: 'Equal', value: 'v' }, 'Equal'],
    ['an empty key and Equal', { key: '', operator: 'Equal' }, 'Equal'],
    ['a key of the wrong type (read as empty)', { key: 5 }, ''],
  ])('an empty key with operator %s: Exists is required', (_name, t, operator) => {
    expect(one(t)).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/operator',
        message: `spec.tolerations[0].operator: Invalid value: ${JSON.stringify(operator)}: ${EMPTY_KEY}`,
      },
    ]);
  });

  it.each([
    ['NoSchedule', 'NoSchedule', '"NoSchedule"'],
    ['PreferNoSchedule', 'PreferNoSchedule', '"PreferNoSchedule"'],
    ['absent', undefined, '""'],
    ['null', null, '""'],
    ['empty', '', '""'],
  ])('tolerationSeconds with effect %s: NoExecute is required', (_name, effect, shown) => {
    expect(one({ key: 'k', operator: 'Exists', effect, tolerationSeconds: 0 })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/effect',
        message: `spec.tolerations[0].effect: Invalid value: ${shown}: ${SECONDS}`,
      },
    ]);
  });

  it('Equal with a value that is not a label value: named at the operator, pointed at the value', () => {
    expect(one({ key: 'k', operator: 'Equal', value: 'a b' })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/value',
        message: `spec.tolerations[0].operator: Invalid value: "a b": ${LABEL_VALUE}`,
      },
    ]);
  });

  it('no operator with a long, badly formed value: the messages joined with ";"', () => {
    const value = `${'v'.repeat(63)}-`;
    expect(one({ key: 'k', value })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/value',
        message: `spec.tolerations[0].operator: Invalid value: "${value}": must be no more than 63 characters;${LABEL_VALUE}`,
      },
    ]);
  });

  it('a value of the wrong type is read as empty (the schema’s finding)', () => {
    expect(one({ key: 'k', operator: 'Equal', value: 5 })).toEqual([]);
    expect(one({ key: 'k', operator: 'Exists', value: 5 })).toEqual([]);
  });

  it('an operator of the wrong type is read as empty, so as Equal (the schema’s finding)', () => {
    expect(one({ key: 'k', operator: 5, value: 'v' })).toEqual([]);
    expect(one({ key: 'k', operator: 5, value: '-v' })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/value',
        message: `spec.tolerations[0].operator: Invalid value: "-v": ${LABEL_VALUE}`,
      },
    ]);
  });

  it('Exists with a value: named at the operator, pointed at the value', () => {
    const [problem, ...rest] = one({ key: 'k', operator: 'Exists', value: 'v' });
    expect(rest).toEqual([]);
    expect(problem?.pointer).toBe('/spec/tolerations/0/value');
    expect(problem?.target).toBeUndefined();
    expect(problem?.message.startsWith('spec.tolerations[0].operator: Invalid value: ')).toBe(true);
    expect(problem?.message.endsWith(": value must be empty when `operator` is 'Exists'")).toBe(true);
  });

  // Upstream (pkg/apis/core/validation/validation.go, ValidateTolerations, current master) shows
  // the value itself: field.Invalid(idxPath.Child("operator"), toleration.Value, …). Older
  // releases showed the whole toleration as Go's %#v of core.Toleration; kubeplan shows the
  // toleration's set fields as JSON, which matches neither.
  it('Exists with a value: shows the value, as upstream does', () => {
    expect(one({ key: 'k', operator: 'Exists', value: 'v' })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/value',
        message: 'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
      },
    ]);
  });

  it.each(['exists', 'equal', 'In', 'Gt', 'Lt'])('operator %p is not supported', (operator) => {
    expect(one({ key: 'k', operator, value: '1' })).toStrictEqual([
      {
        pointer: '/spec/tolerations/0/operator',
        message: `spec.tolerations[0].operator: Unsupported value: ${JSON.stringify(operator)}: supported values: "Equal", "Exists"`,
      },
    ]);
  });

  it('reports the key, the empty-key operator, the effect, then the operator and value', () => {
    const problems = validateTolerations(
      [
        { key: 'a/b/c', operator: 'Exists', tolerationSeconds: 1 },
        null,
        { operator: 'Sometimes', effect: 'NoSchedule', tolerationSeconds: 5 },
      ],
      at,
    );
    expect(problems.map((p) => p.message)).toEqual([
      `spec.tolerations[0].key: Invalid value: "a/b/c": a qualified name ${QUALIFIED}, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `spec.tolerations[0].effect: Invalid value: "": ${SECONDS}`,
      `spec.tolerations[2].operator: Invalid value: "Sometimes": ${EMPTY_KEY}`,
      `spec.tolerations[2].effect: Invalid value: "NoSchedule": ${SECONDS}`,
      'spec.tolerations[2].operator: Unsupported value: "Sometimes": supported values: "Equal", "Exists"',
    ]);
  });
});
