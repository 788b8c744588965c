import { describe, expect, it } from '@jest/globals';
import { compareApiVersions, isPrerelease } from '../../src/model/api-version.js';

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareApiVersions', () => {
  it('orders GA before beta before alpha, then higher major, then higher pre-release', () => {
    const versions = ['v1alpha1', 'v1beta1', 'v2', 'v1', 'v1beta2', 'v2beta1', 'v1alpha2', 'v3alpha1'];
    expect([...versions].sort(compareApiVersions)).toEqual([
      'v2',
      'v1',
      'v2beta1',
      'v1beta2',
      'v1beta1',
      'v3alpha1',
      'v1alpha2',
      'v1alpha1',
    ]);
  });

  it('compares numbers as numbers, not text', () => {
    expect(['v9', 'v10', 'v2'].sort(compareApiVersions)).toEqual(['v10', 'v9', 'v2']);
    expect(['v1beta9', 'v1beta10'].sort(compareApiVersions)).toEqual(['v1beta10', 'v1beta9']);
  });

  it('compares the version part of group/version', () => {
    expect(['apps/v1beta2', 'apps/v1', 'apps/v1beta1'].sort(compareApiVersions)).toEqual([
      'apps/v1',
      'apps/v1beta2',
      'apps/v1beta1',
    ]);
  });

  it.each([
    ['v1', 'v1beta1', -1],
    ['v1beta1', 'v1', 1],
    ['v1beta1', 'v1alpha1', -1],
    ['v1alpha1', 'v1beta1', 1],
    ['v2', 'v1', -1],
    ['v1', 'v2', 1],
    ['v1beta2', 'v1beta1', -1],
    ['v1beta1', 'v1beta2', 1],
    ['v1', 'v1', 0],
    ['apps/v1', 'apps/v1', 0],
  ])('%s against %s: %i', (a, b, expected) => {
    expect(sign(compareApiVersions(a, b))).toBe(expected);
  });

  it.each([
    ['the core group before a named group', 'v1', 'apps/v1', -1],
    ['a named group after the core group', 'apps/v1', 'v1', 1],
    ['groups in alphabetical order', 'apps/v1', 'batch/v1', -1],
    ['groups in alphabetical order, reversed', 'batch/v1', 'apps/v1', 1],
    ['the version before the group', 'batch/v1', 'apps/v1beta1', -1],
  ])('equal versions: %s', (_name, a, b, expected) => {
    expect(compareApiVersions(a, b)).toBe(expected);
  });

  it.each(['v1foo', 'version1', 'xv1', 'v1beta', 'v1alpha', 'v1rc1', '1', ''])(
    '%p, not a Kubernetes version, sorts after every version',
    (odd) => {
      expect(sign(compareApiVersions(odd, 'v1alpha1'))).toBe(1);
      expect(sign(compareApiVersions('v1alpha1', odd))).toBe(-1);
    },
  );

  it('ranks versions that are not Kubernetes versions alike, then by group', () => {
    expect(compareApiVersions('x/v1foo', 'y/other')).toBe(-1);
    expect(compareApiVersions('y/other', 'x/v1foo')).toBe(1);
    expect(compareApiVersions('v1foo', 'other')).toBe(0);
  });
});

describe('isPrerelease', () => {
  it('is true for alpha and beta versions, in any group', () => {
    expect(['resource.k8s.io/v1beta1', 'v1alpha1', 'apps/v2beta12'].map(isPrerelease)).toEqual([true, true, true]);
  });

  it('is false for GA versions and for what is no Kubernetes version', () => {
    expect(['v1', 'apps/v2', 'example.com/v1beta', 'x/beta1', 'v1gamma1'].map(isPrerelease)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
