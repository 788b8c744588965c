import { describe, expect, it } from '@jest/globals';
import { normalizeObject } from '../../src/diff/normalize.js';
import type { KubeObject } from '../../src/model/manifest.js';

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'shop' },
  spec: { containers: [{ name: 'app', image: 'app:1' }], ...spec },
});

const specOf = (object: KubeObject): Record<string, unknown> => object.spec as Record<string, unknown>;

describe('values that mean no value', () => {
  it('are the same as absent: [] and {} of lists, maps and structs held by value', () => {
    const bare = normalizeObject(pod({}));
    const empty = normalizeObject(
      pod({
        containers: [{ name: 'app', image: 'app:1', resources: {}, env: [], ports: [] }],
        nodeSelector: {},
        tolerations: [],
        imagePullSecrets: [],
      }),
    );
    expect(empty).toEqual(bare);
    const containers = specOf(empty).containers as Array<Record<string, unknown>>;
    expect(containers[0]).not.toHaveProperty('resources');
    expect(specOf(empty)).not.toHaveProperty('nodeSelector');
  });

  it('stay where a struct held by a pointer means something: emptyDir: {}, namespaceSelector: {}', () => {
    const object = normalizeObject(
      pod({
        volumes: [{ name: 'tmp', emptyDir: {} }],
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: 'kubernetes.io/hostname', namespaceSelector: {}, labelSelector: {} },
            ],
          },
        },
      }),
    );
    expect(specOf(object).volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    const term = (
      (specOf(object).affinity as Record<string, Record<string, unknown[]>>).podAffinity!
        .requiredDuringSchedulingIgnoredDuringExecution as Array<Record<string, unknown>>
    )[0]!;
    expect(term).toEqual({ topologyKey: 'kubernetes.io/hostname', namespaceSelector: {}, labelSelector: {} });
  });

  it('stay in custom resources, whose types kubeplan does not know', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { a: {}, b: [] } };
    expect(normalizeObject(widget).spec).toEqual({ a: {}, b: [] });
  });

  it('include a Secret value the server returns as null for the manifest\'s ""', () => {
    const secret = (data: Record<string, unknown>): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'shop' },
      data,
    });
    expect(normalizeObject(secret({ smtp: null, key: 'eA==' }))).toEqual(
      normalizeObject(secret({ smtp: '', key: 'eA==' })),
    );
    expect(normalizeObject(secret({ smtp: null })).data).toEqual({ smtp: '' });
  });
});

describe('fields the cluster writes', () => {
  it('leave an aggregated ClusterRole its controller-written rules out of the comparison', () => {
    const role = (rules: unknown[] | undefined, aggregated: boolean): KubeObject => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'view-all' },
      ...(aggregated ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { view: 'true' } }] } } : {}),
      ...(rules ? { rules } : {}),
    });
    const rule = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };
    expect(normalizeObject(role([rule], true))).toEqual(normalizeObject(role(undefined, true)));
    expect(normalizeObject(role([rule], false)).rules).toEqual([rule]);
  });

  it('default admission webhooks as the API server does, v1 and the removed v1beta1', () => {
    const configuration = (apiVersion: string): KubeObject => ({
      apiVersion,
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: 'm' },
      webhooks: [
        {
          name: 'w.example.com',
          clientConfig: { service: { name: 's', namespace: 'n' } },
          rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
          sideEffects: 'None',
          admissionReviewVersions: ['v1'],
        },
      ],
    });
    const v1 = (normalizeObject(configuration('admissionregistration.k8s.io/v1')).webhooks as unknown[])[0];
    expect(v1).toEqual({
      name: 'w.example.com',
      clientConfig: { service: { name: 's', namespace: 'n', port: 443 } },
      rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: '*' }],
      sideEffects: 'None',
      admissionReviewVersions: ['v1'],
      failurePolicy: 'Fail',
      matchPolicy: 'Equivalent',
      namespaceSelector: {},
      objectSelector: {},
      timeoutSeconds: 10,
      reinvocationPolicy: 'Never',
    });
    const v1beta1 = (normalizeObject(configuration('admissionregistration.k8s.io/v1beta1')).webhooks as unknown[])[0];
    expect(v1beta1).toMatchObject({ failurePolicy: 'Ignore', matchPolicy: 'Exact', timeoutSeconds: 30 });
  });
});
