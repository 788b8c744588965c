import { describe, expect, it } from '@jest/globals';
import { bareKind, groupKind, groupKindOf, groupKindOfObject, kindInGroup } from '../../src/model/group-kind.js';

describe('GroupKind', () => {
  it('names a kind with its API group; the core group has none', () => {
    expect(groupKind('apps/v1', 'Deployment')).toBe('Deployment.apps');
    expect(groupKind('v1', 'Service')).toBe('Service');
    expect(kindInGroup('serving.knative.dev', 'Service')).toBe('Service.serving.knative.dev');
    expect(kindInGroup('', 'Pod')).toBe('Pod');
  });

  it('reads the kind of a manifest from its ref', () => {
    expect(groupKindOf({ ref: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web' } })).toBe(
      'Rollout.argoproj.io',
    );
    expect(groupKindOf({ ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'web' } })).toBe('ConfigMap');
  });

  it('reads the kind of a plain object; fields that are not strings are empty', () => {
    expect(groupKindOfObject({ apiVersion: 'batch/v1', kind: 'Job' })).toBe('Job.batch');
    expect(groupKindOfObject({ apiVersion: 'batch/v1', kind: 7 })).toBe('.batch');
    expect(groupKindOfObject({ apiVersion: ['batch/v1'], kind: 'Job' })).toBe('Job');
    expect(groupKindOfObject({})).toBe('');
  });

  it('drops the group for the bare kind', () => {
    expect(bareKind('Deployment.apps')).toBe('Deployment');
    expect(bareKind('Rollout.argoproj.io')).toBe('Rollout');
    // An object without a kind has an empty one, whatever its group.
    expect(bareKind('.apps')).toBe('');
    expect(bareKind('Pod')).toBe('Pod');
  });
});
