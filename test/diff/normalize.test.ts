import { describe, expect, it } from '@jest/globals';
import { alignTo } from '../../src/diff/align.js';
import { dropClusterFilledFields } from '../../src/diff/cluster-filled.js';
import { isClusterGenerated } from '../../src/diff/cluster-generated.js';
import { shapeOf } from '../../src/diff/merge-keys.js';
import { normalizeObject } from '../../src/diff/normalize.js';
import { canonicalizeQuantities, equalizeQuantities } from '../../src/diff/quantities.js';
import { canonicalizeSecretData } from '../../src/diff/secret-data.js';
import { canonicalQuantity, parseQuantity } from '../../src/model/quantity.js';
import { dropServerFields, hasTopServerFields, withoutTopServerFields } from '../../src/diff/server-fields.js';

const deployment = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers, ...extra } },
  },
});

describe('hasTopServerFields', () => {
  it('says whether withoutTopServerFields leaves anything out', () => {
    const manifest = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { a: 'b' } },
      data: {},
    };
    const live = [
      { ...manifest, status: {} },
      { ...manifest, metadata: { ...manifest.metadata, uid: 'u' } },
      { ...manifest, metadata: { name: 'c', annotations: { 'deployment.kubernetes.io/revision': '2' } } },
    ];
    expect(hasTopServerFields(manifest)).toBe(false);
    expect(withoutTopServerFields(manifest)).toStrictEqual(manifest);
    expect(hasTopServerFields({ apiVersion: 'v1', kind: 'ConfigMap', metadata: 'not a map' })).toBe(false);
    for (const object of live) {
      expect(hasTopServerFields(object)).toBe(true);
      expect(withoutTopServerFields(object)).not.toStrictEqual(object);
    }
    // Normalizing an object with server fields and without them gives the same object.
    expect(normalizeObject(live[1]!)).toStrictEqual(normalizeObject(manifest));
  });
});

describe('dropServerFields', () => {
  it('removes status, server metadata, tool annotations and the empty template metadata kubectl prints', () => {
    const object = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {
        name: 'report',
        uid: 'u',
        resourceVersion: '1',
        generation: 2,
        creationTimestamp: 't',
        selfLink: '/x',
        managedFields: [{}],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"k":"secret"}}',
          team: 'data',
        },
      },
      spec: {
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: { template: { metadata: { creationTimestamp: null, labels: { a: 'b' } } } },
        },
      },
      status: { lastScheduleTime: 't' },
    };
    dropServerFields(object);
    expect(object).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report', annotations: { team: 'data' } },
      spec: { jobTemplate: { spec: { template: { metadata: { labels: { a: 'b' } } } } } },
    });
  });

  it('drops an annotations map left empty and the status of StatefulSet claim templates', () => {
    const object = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', annotations: { 'deployment.kubernetes.io/revision': '3' } },
      spec: {
        volumeClaimTemplates: [
          { metadata: { name: 'data', creationTimestamp: null }, spec: {}, status: { phase: 'Pending' } },
        ],
      },
    };
    dropServerFields(object);
    expect(object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] },
    });
  });
});

describe('quantities', () => {
  it('writes every quantity-typed field in its canonical spelling and leaves non-quantities alone', () => {
    const object = deployment(
      [
        {
          name: 'a',
          resources: {
            requests: { cpu: 0.5, memory: '1024Mi', 'nvidia.com/gpu': 1 },
            limits: { cpu: '1000m', memory: 'lots' },
          },
        },
      ],
      { overhead: { cpu: '0.25' }, volumes: [{ name: 's', emptyDir: { sizeLimit: '1024Ki' } }] },
    );
    canonicalizeQuantities(object);
    const spec = object.spec.template.spec as Record<string, any>;
    expect(spec.containers[0].resources).toEqual({
      requests: { cpu: '500m', memory: '1Gi', 'nvidia.com/gpu': '1' },
      limits: { cpu: '1', memory: 'lots' },
    });
    expect(spec.overhead).toEqual({ cpu: '250m' });
    expect(spec.volumes[0].emptyDir).toEqual({ sizeLimit: '1Mi' });
  });

  it('spells each value as model/quantity.ts does, the first time and from memory, numbers apart from strings', () => {
    const values: unknown[] = [
      0.5,
      '0.5',
      '1024Mi',
      1,
      '1',
      '1e3',
      1e3,
      '-0',
      -0,
      '.5',
      'lots',
      '',
      ' 1',
      true,
      null,
      'Mi',
    ];
    const expected = (value: unknown): unknown => {
      const q = parseQuantity(value);
      return q ? canonicalQuantity(q) : value;
    };
    for (let round = 0; round < 2; round++) {
      const requests = Object.fromEntries(values.map((v, i) => [`r${i}`, v]));
      const object = deployment([{ name: 'a', resources: { requests } }]);
      canonicalizeQuantities(object);
      expect(Object.values(requests)).toEqual(values.map(expected));
    }
  });

  it('covers claims, claim templates, quotas, limit ranges and autoscaler targets', () => {
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { 'requests.cpu': '2000m', pods: 10 } },
    };
    const range = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'l' },
      spec: { limits: [{ type: 'Container', max: { memory: '2048Mi' }, defaultRequest: { cpu: 0.1 } }] },
    };
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1000m' } } },
        ],
      },
    };
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '1024Gi' } } } }] },
    };
    for (const o of [quota, range, hpa, sts]) canonicalizeQuantities(o);
    expect(quota.spec.hard).toEqual({ 'requests.cpu': '2', pods: '10' });
    expect(range.spec.limits[0]).toEqual({
      type: 'Container',
      max: { memory: '2Gi' },
      defaultRequest: { cpu: '100m' },
    });
    expect(hpa.spec.metrics[0]!.pods.target.averageValue).toBe('1');
    expect(sts.spec.volumeClaimTemplates[0]!.spec.resources.requests.storage).toBe('1Ti');
  });

  it('gives the current side the desired spelling where the amounts are equal', () => {
    const current = deployment([{ name: 'a', resources: { requests: { memory: '512M', cpu: '250m' } } }]);
    const desired = deployment([{ name: 'a', resources: { requests: { memory: '500000Ki', cpu: '300m' } } }]);
    equalizeQuantities(current, desired);
    expect(current.spec.template.spec.containers[0]).toEqual({
      name: 'a',
      resources: { requests: { memory: '500000Ki', cpu: '250m' } },
    });
  });
});

describe('canonicalizeSecretData', () => {
  it('folds stringData into data (stringData wins) and re-encodes data without line breaks', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: 'b2xk', wrapped: 'aGVs\nbG8=\n' },
      stringData: { a: 'new', port: 5432 },
    };
    canonicalizeSecretData(secret);
    expect(secret).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: 'bmV3', wrapped: 'aGVsbG8=' },
      stringData: { port: 5432 },
    });
  });
});

describe('normalizeObject', () => {
  it('applies defaults, drops unknown fields and nulls, and makes the namespace explicit', () => {
    const object = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', labels: null },
      spec: { selector: { app: 'api' }, ports: [{ port: 80 }], tpye: 'NodePort' },
    };
    expect(normalizeObject(object, { namespace: 'staging' })).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api', namespace: 'staging' },
      spec: {
        selector: { app: 'api' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
      },
    });
    expect(object.spec.tpye).toBe('NodePort');
  });

  it('removes a namespace from cluster-scoped kinds, custom ones included', () => {
    const role = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'r', namespace: 'x' },
    };
    const issuer = { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt' } };
    expect(normalizeObject(role).metadata).toEqual({ name: 'r' });
    expect(normalizeObject(issuer).metadata).toEqual({ name: 'letsencrypt', namespace: 'default' });
    expect(normalizeObject(issuer, { clusterScoped: new Set(['ClusterIssuer.cert-manager.io']) }).metadata).toEqual({
      name: 'letsencrypt',
    });
  });

  it('removes the fields of matching ignore rules, with the list extensions', () => {
    const object = deployment([
      { name: 'app', image: 'app:1' },
      { name: 'sidecar', image: 'proxy:9', ports: [{ containerPort: 15000 }, { containerPort: 15090 }] },
    ]);
    const normalized = normalizeObject(object, {
      ignore: [
        {
          kind: 'Deployment',
          name: 'web',
          jsonPointers: ['/spec/template/spec/containers/name=sidecar/image', '/spec/replicas'],
        },
        {
          group: 'apps',
          kind: '*',
          jsonPointers: ['/spec/template/spec/containers/*/ports/containerPort=15090,protocol=TCP'],
        },
        { kind: 'Deployment', name: 'other', jsonPointers: ['/spec/template/spec/containers/0/image'] },
        { group: '', kind: 'Deployment', jsonPointers: ['/metadata/name'] },
      ],
    });
    const spec = normalized.spec as Record<string, any>;
    expect(spec.replicas).toBeUndefined();
    expect(spec.template.spec.containers.map((c: any) => [c.name, c.image, c.ports])).toEqual([
      ['app', 'app:1', undefined],
      ['sidecar', undefined, [{ containerPort: 15000, protocol: 'TCP' }]],
    ]);
    expect((normalized.metadata as Record<string, unknown>).name).toBe('web');
  });
});

describe('alignTo', () => {
  it('orders keys and keyed lists like the desired side, current-only items last', () => {
    const current = {
      spec: {
        ports: [
          { port: 9090, protocol: 'TCP', name: 'metrics' },
          { port: 80, protocol: 'TCP', name: 'web' },
          { port: 53, protocol: 'UDP' },
        ],
      },
      kind: 'Service',
      apiVersion: 'v1',
    };
    const desired = {
      apiVersion: 'v1',
      kind: 'Service',
      spec: {
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'metrics', port: 9090, protocol: 'TCP' },
        ],
      },
    };
    expect(JSON.stringify(alignTo(current, desired, shapeOf(desired)))).toBe(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        spec: {
          ports: [
            { name: 'web', port: 80, protocol: 'TCP' },
            { name: 'metrics', port: 9090, protocol: 'TCP' },
            { port: 53, protocol: 'UDP' },
          ],
        },
      }),
    );
  });

  it('keeps the order of lists whose order matters, and of lists with duplicate keys', () => {
    const init = (names: string[]) => deployment([], { initContainers: names.map((name) => ({ name })) });
    const aligned = alignTo(init(['a', 'b']), init(['b', 'a']), shapeOf(init([]))) as ReturnType<typeof deployment>;
    expect((aligned.spec.template.spec as any).initContainers).toEqual([{ name: 'a' }, { name: 'b' }]);
    const env = (vars: Array<[string, string]>) =>
      deployment([{ name: 'c', env: vars.map(([name, value]) => ({ name, value })) }]);
    const dependent = alignTo(
      env([
        ['A', 'x'],
        ['B', '$(A)/y'],
      ]),
      env([
        ['B', '$(A)/y'],
        ['A', 'x'],
      ]),
      shapeOf(env([])),
    ) as any;
    expect(dependent.spec.template.spec.containers[0].env.map((e: any) => e.name)).toEqual(['A', 'B']);
    const independent = alignTo(
      env([
        ['A', 'x'],
        ['B', 'y'],
      ]),
      env([
        ['B', 'y'],
        ['A', 'x'],
      ]),
      shapeOf(env([])),
    ) as any;
    expect(independent.spec.template.spec.containers[0].env.map((e: any) => e.name)).toEqual(['B', 'A']);
    const duplicates = alignTo(
      env([
        ['A', '1'],
        ['A', '2'],
      ]),
      env([
        ['A', '2'],
        ['A', '1'],
      ]),
      shapeOf(env([])),
    ) as any;
    expect(duplicates.spec.template.spec.containers[0].env.map((e: any) => e.value)).toEqual(['1', '2']);
  });
});

describe('dropClusterFilledFields', () => {
  it('drops allocated and admitted fields the desired side leaves out, and keeps those it sets', () => {
    const current = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: {
        clusterIP: '10.0.0.1',
        clusterIPs: ['10.0.0.1'],
        ipFamilies: ['IPv4'],
        type: 'NodePort',
        ports: [
          { port: 80, nodePort: 30080 },
          { port: 81, nodePort: 30081 },
        ],
      },
    };
    const desired = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { clusterIP: '10.0.0.1', type: 'NodePort', ports: [{ port: 80 }, { port: 81, nodePort: 30099 }] },
    };
    dropClusterFilledFields(current, desired);
    expect(current.spec).toEqual({
      clusterIP: '10.0.0.1',
      type: 'NodePort',
      ports: [{ port: 80 }, { port: 81, nodePort: 30081 }],
    });
  });

  it('drops only the finalizers the cluster adds', () => {
    const claim = (finalizers?: string[]) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c', ...(finalizers ? { finalizers } : {}) },
    });
    const current = claim(['kubernetes.io/pvc-protection', 'example.com/backup']);
    dropClusterFilledFields(current, claim());
    expect(current.metadata).toEqual({ name: 'c', finalizers: ['example.com/backup'] });
    const alone = claim(['kubernetes.io/pvc-protection']);
    dropClusterFilledFields(alone, claim());
    expect(alone.metadata).toEqual({ name: 'c' });
  });
});

describe('isClusterGenerated', () => {
  it('recognizes objects made by controllers and the objects every namespace gets', () => {
    const generated = [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'api-5d9f', ownerReferences: [{ kind: 'Deployment', name: 'api', controller: true }] },
      },
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'api-x' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'shop' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
      },
    ];
    const written = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'api', ownerReferences: [{ kind: 'Thing', name: 'x' }] },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'shop' } },
    ];
    expect(generated.map(isClusterGenerated)).toEqual([true, true, true, true, true]);
    expect(written.map(isClusterGenerated)).toEqual([false, false]);
  });
});
