import { describe, expect, it } from '@jest/globals';
import { clusterScopedCustomKinds, isClusterScoped } from '../../src/model/namespace-scope.js';

const crd = (group: string, kind: string, scope: string, apiVersion = 'apiextensions.k8s.io/v1') => ({
  apiVersion,
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.${group}` },
  spec: { group, scope, names: { kind, plural: `${kind.toLowerCase()}s` } },
});

describe('which kinds live outside namespaces', () => {
  it.each([
    ['v1', 'Namespace'],
    ['v1', 'Node'],
    ['v1', 'PersistentVolume'],
    ['certificates.k8s.io/v1', 'CertificateSigningRequest'],
    ['certificates.k8s.io/v1beta1', 'ClusterTrustBundle'],
    ['networking.k8s.io/v1', 'ServiceCIDR'],
    ['networking.k8s.io/v1', 'IPAddress'],
    ['networking.k8s.io/v1', 'IngressClass'],
    ['resource.k8s.io/v1', 'DeviceClass'],
    ['resource.k8s.io/v1', 'ResourceSlice'],
    ['resource.k8s.io/v1alpha3', 'DeviceTaintRule'],
    ['storage.k8s.io/v1', 'VolumeAttributesClass'],
    ['storagemigration.k8s.io/v1beta1', 'StorageVersionMigration'],
    ['authorization.k8s.io/v1', 'SelfSubjectAccessReview'],
    ['policy/v1beta1', 'PodSecurityPolicy'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ])('%s %s is cluster-scoped', (apiVersion, kind) => {
    expect(isClusterScoped(apiVersion, kind)).toBe(true);
  });

  it.each([
    ['v1', 'Pod'],
    ['apps/v1', 'Deployment'],
    ['storage.k8s.io/v1', 'CSIStorageCapacity'],
    ['authorization.k8s.io/v1', 'LocalSubjectAccessReview'],
    ['certificates.k8s.io/v1alpha1', 'PodCertificateRequest'],
    ['coordination.k8s.io/v1beta1', 'LeaseCandidate'],
    ['resource.k8s.io/v1', 'ResourceClaim'],
    // The same kind name in another group is another kind.
    ['example.com/v1', 'Namespace'],
    ['example.com/v1', 'ClusterRole'],
    ['v1', 'ClusterRole'],
  ])('%s %s is namespaced', (apiVersion, kind) => {
    expect(isClusterScoped(apiVersion, kind)).toBe(false);
  });

  it('takes the scope of custom kinds from their CustomResourceDefinitions', () => {
    const custom = clusterScopedCustomKinds([
      crd('example.com', 'Widget', 'Cluster'),
      crd('example.com', 'Gadget', 'Namespaced'),
      crd('example.org', 'Widget', 'Cluster', 'example.org/v1'),
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: 'broken' },
    ]);
    expect([...custom]).toEqual(['Widget.example.com']);
    expect(isClusterScoped('example.com/v1', 'Widget', custom)).toBe(true);
    expect(isClusterScoped('example.com/v2', 'Widget', custom)).toBe(true);
    expect(isClusterScoped('example.com/v1', 'Gadget', custom)).toBe(false);
    expect(isClusterScoped('example.org/v1', 'Widget', custom)).toBe(false);
  });

  it('reads only CustomResourceDefinitions, and only those with a string group and kind', () => {
    const custom = clusterScopedCustomKinds([
      // Not a CustomResourceDefinition, in its group or in another.
      { ...crd('example.com', 'Widget', 'Cluster'), kind: 'Widget' },
      { ...crd('example.com', 'Gizmo', 'Cluster'), kind: 'APIService' },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        spec: { group: 'example.com', scope: 'Cluster' },
      },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        spec: { group: 'example.com', scope: 'Cluster', names: { kind: 7 } },
      },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        spec: { group: ['example.com'], scope: 'Cluster', names: { kind: 'Sprocket' } },
      },
      crd('example.com', 'Cog', 'Cluster', 'apiextensions.k8s.io/v1beta1'),
    ]);
    expect([...custom]).toEqual(['Cog.example.com']);
  });
});
