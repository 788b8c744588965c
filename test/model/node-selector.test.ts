import { describe, expect, it } from '@jest/globals';
import {
  compileNodeSelectorTerm,
  matchesRequiredNodeAffinity,
  type NodeFacts,
  preferredNodeScore,
  preferredNodeTermsOf,
  requiredNodeAffinityOf,
} from '../../src/model/selectors/node-selector.js';

const NODE: NodeFacts = { name: 'worker-1', labels: { zone: 'a', cores: '8', 'node-role': 'worker' } };

function required(...matchExpressionsOrTerms: unknown[]): Record<string, unknown> {
  return {
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: matchExpressionsOrTerms } },
    },
  };
}

function fits(spec: unknown, node: NodeFacts = NODE): boolean {
  return matchesRequiredNodeAffinity(requiredNodeAffinityOf(spec), node);
}

/**
 * Node selection as kube-scheduler's NodeAffinity filter and the DaemonSet controller decide it
 * (component-helpers nodeaffinity: GetRequiredNodeAffinity, NewLazyErrorNodeSelector).
 */
describe('required node affinity', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['no nodeSelector and no affinity: any node', {}, true],
    ['an empty nodeSelector: any node', { nodeSelector: {} }, true],
    ['a nodeSelector that matches', { nodeSelector: { zone: 'a' } }, true],
    ['a nodeSelector that does not', { nodeSelector: { zone: 'b' } }, false],
    ['a nodeSelector with a number is malformed', { nodeSelector: { cores: 8 } }, false],
    ['a nodeSelector that is not a map is malformed', { nodeSelector: 'zone=a' }, false],
    ['In', required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }), true],
    [
      'NotIn on a missing key matches',
      required({ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['t4'] }] }),
      true,
    ],
    [
      'NotIn on a listed value',
      required({ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }),
      false,
    ],
    [
      'NotIn without values is invalid',
      required({ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: [] }] }),
      false,
    ],
    [
      'Exists with values is invalid',
      required({ matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] }),
      false,
    ],
    ['DoesNotExist', required({ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }), true],
    [
      'Gt: the label is greater than the bound',
      required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }),
      true,
    ],
    [
      'Gt: the label is not greater',
      required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] }),
      false,
    ],
    [
      'Lt: the label is less than the bound',
      required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['16'] }] }),
      true,
    ],
    [
      'Lt: the label is not less',
      required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }),
      false,
    ],
    [
      'Gt with a bound that is not an integer is invalid',
      required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['four'] }] }),
      false,
    ],
    [
      'Gt with two values is invalid',
      required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['1', '2'] }] }),
      false,
    ],
    [
      'Gt on a label that is not an integer',
      required({ matchExpressions: [{ key: 'zone', operator: 'Gt', values: ['1'] }] }),
      false,
    ],
    [
      '= is not a node selector operator',
      required({ matchExpressions: [{ key: 'zone', operator: '=', values: ['a'] }] }),
      false,
    ],
    ['an expression that is null is invalid', required({ matchExpressions: [null] }), false],
    [
      'null matchExpressions beside matchFields is absent',
      required({
        matchExpressions: null,
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }],
      }),
      true,
    ],
    [
      'an unknown operator is invalid',
      required({ matchExpressions: [{ key: 'zone', operator: 'Equals', values: ['a'] }] }),
      false,
    ],
    [
      'matchFields metadata.name In',
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }),
      true,
    ],
    [
      'matchFields metadata.name In another',
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] }),
      false,
    ],
    [
      'matchFields metadata.name NotIn another',
      required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['worker-2'] }] }),
      true,
    ],
    [
      'matchFields with two values is invalid',
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1', 'worker-2'] }] }),
      false,
    ],
    ['matchFields Exists is invalid', required({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] }), false],
    [
      'matchFields Exists with one value is invalid',
      required({ matchFields: [{ key: 'metadata.name', operator: 'Exists', values: ['x'] }] }),
      false,
    ],
    [
      'matchFields with values that are not a list is invalid',
      required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: 'worker-1' }] }),
      false,
    ],
    [
      'matchFields with a key that is not a string is invalid',
      required({ matchFields: [{ key: 1, operator: 'NotIn', values: ['x'] }] }),
      false,
    ],
    ['a matchFields item that is null is invalid', required({ matchFields: [null] }), false],
    [
      'matchFields on another field never reads the name',
      required({ matchFields: [{ key: 'spec.providerID', operator: 'In', values: ['worker-1'] }] }),
      false,
    ],
    [
      'matchFields on another field reads as the empty string',
      required({ matchFields: [{ key: 'spec.providerID', operator: 'In', values: [''] }] }),
      true,
    ],
    [
      'matchFields on another field reads it as empty (In)',
      required({ matchFields: [{ key: 'spec.podCIDR', operator: 'In', values: ['x'] }] }),
      false,
    ],
    [
      'matchFields on another field reads it as empty (NotIn)',
      required({ matchFields: [{ key: 'spec.podCIDR', operator: 'NotIn', values: ['x'] }] }),
      true,
    ],
    [
      'terms are ORed; an invalid term does not spoil the others',
      required(
        { matchExpressions: [{ key: 'zone', operator: 'In' }] },
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      ),
      true,
    ],
    ['an empty term selects no node', required({}), false],
    [
      'a required node affinity of null is no constraint',
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: null } } },
      true,
    ],
    [
      'a required node affinity that is not an object selects no node',
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: 'zone=a' } } },
      false,
    ],
    ['no terms select no node', required(), false],
    [
      'nodeSelector and affinity must both match',
      { ...required({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }), nodeSelector: { zone: 'b' } },
      false,
    ],
  ];

  it.each(cases)('%s', (_name, spec, expected) => {
    expect(fits(spec)).toBe(expected);
  });

  it('skips field requirements for a node without a name, as the library does', () => {
    const spec = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] });
    expect(fits(spec, { name: '', labels: {} })).toBe(true);
  });

  it('reads nodeSelectorTerms that are not a list as no terms', () => {
    for (const nodeSelectorTerms of ['zone=a', { matchExpressions: [] }, null]) {
      const spec = {
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
      };
      expect(requiredNodeAffinityOf(spec).terms).toEqual([]);
    }
  });

  it('drops empty terms and marks terms that do not parse', () => {
    expect(compileNodeSelectorTerm({ matchExpressions: [] })).toBeUndefined();
    expect(compileNodeSelectorTerm({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['x'] }] })).toEqual({
      invalid: true,
    });
    expect(compileNodeSelectorTerm({ matchExpressions: 'a' })).toEqual({ invalid: true });
    expect(compileNodeSelectorTerm(null)).toEqual({ invalid: true });
    expect(
      compileNodeSelectorTerm({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['a'] }] }),
    ).toEqual({
      invalid: false,
      fields: [{ key: 'metadata.name', equal: false, value: 'a' }],
    });
  });
});

describe('preferred node affinity', () => {
  it('adds the weights of the matching terms, skipping weight 0 and terms that do not parse', () => {
    const spec = {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 5, preference: { matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['t4'] }] } },
            { weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
            { weight: 7, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] } },
            { weight: 3, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
            null,
            { weight: '20', preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
          ],
        },
      },
    };
    const terms = preferredNodeTermsOf(spec);
    expect(terms.map((t) => t.weight)).toEqual([10, 5, 3]);
    expect(preferredNodeScore(terms, NODE)).toBe(15);
  });
});
