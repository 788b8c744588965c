/**
 * The diff's tables are keyed by GroupKind (`RoleBinding.rbac.authorization.k8s.io`, `Service`):
 * a kind of another group never takes their entry, and a kind named like a property of every
 * JavaScript object (`constructor`) finds none.
 */
import { describe, expect, it } from '@jest/globals';
import { isClusterGenerated } from '../../src/diff/cluster-generated.js';
import { diffObjects } from '../../src/diff/diff-objects.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { briefAt } from '../helpers/findings.js';

const binding = (apiVersion: string, role: string) =>
  `apiVersion: ${apiVersion}\nkind: RoleBinding\nmetadata: {name: deployers, namespace: prod}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}\n`;

describe('GroupKind keys in the diff', () => {
  it('refuses a changed roleRef of an RBAC RoleBinding only', () => {
    const diff = (apiVersion: string) =>
      diffObjects(
        parseManifests('current.yaml', binding(apiVersion, 'edit')).manifests,
        parseManifests('app.yaml', binding(apiVersion, 'admin')).manifests,
      ).findings.map(briefAt);
    expect(diff('rbac.authorization.k8s.io/v1')).toEqual([
      '4:73 immutable-field roleRef: cannot change roleRef ("edit" → "admin"); the API server rejects this update of RoleBinding prod/deployers',
    ]);
    expect(diff('example.com/v1')).toEqual([]);
  });

  it('finds no table entry for a kind named like an object property', () => {
    const object = (v: string) =>
      `apiVersion: v1\nkind: constructor\nmetadata: {name: x, namespace: prod}\nspec: {v: ${v}}\n`;
    const diff = diffObjects(
      parseManifests('current.yaml', object('a')).manifests,
      parseManifests('app.yaml', object('b')).manifests,
    );
    expect(diff.findings).toEqual([]);
    expect(diff.changes.map((c) => c.action)).toEqual(['update']);
  });

  it('recognizes the kinds controllers write by group and kind', () => {
    const of = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: 'x', namespace: 'prod' } });
    expect(
      [
        of('coordination.k8s.io/v1', 'Lease'),
        of('events.k8s.io/v1', 'Event'),
        of('v1', 'Event'),
        of('apps/v1', 'ControllerRevision'),
        of('v1', 'Endpoints'),
        of('example.com/v1', 'Lease'),
        of('v1', 'ControllerRevision'),
      ].map(isClusterGenerated),
    ).toEqual([true, true, true, true, true, false, false]);
  });
});
