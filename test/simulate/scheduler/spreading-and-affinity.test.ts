/**
 * PodTopologySpread and InterPodAffinity, filter and score, following
 * pkg/scheduler/framework/plugins/podtopologyspread/{filtering,scoring}.go and
 * pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go. Expected scores are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from '@jest/globals';
import { node, pluginScores, pod, rejections, run } from './builders.js';

const cap = { cpu: '8', memory: '16Gi' };
const zoned = (name: string, zone?: string, extra: Record<string, string> = {}) =>
  node(name, { labels: { ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}), ...extra }, allocatable: cap });
const app = (name: string, label: string, nodeName?: string, extra: Parameters<typeof pod>[1] = {}) =>
  pod(name, { labels: { app: label }, nodeName, ...extra });
const SPREAD = "PodTopologySpread: node(s) didn't match pod topology spread constraints";

const zoneSpread = (extra: Record<string, unknown> = {}) => ({
  topologySpreadConstraints: [
    {
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { app: 'web' } },
      ...extra,
    },
  ],
});

describe('PodTopologySpread filter', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2'), zoned('d', 'z2')];
  const existing = [app('e1', 'web', 'a'), app('e2', 'web', 'b')];

  it('rejects domains where matching pods + 1 − the minimum exceeds maxSkew', () => {
    // z1 has 2, z2 has 0: 2 + 1 − 0 = 3 > 1 in z1; 0 + 1 − 0 = 1 in z2.
    const [o] = run(nodes, [app('p', 'web', undefined, { spec: zoneSpread() })], existing);
    expect(rejections(o!)).toEqual({ a: SPREAD, b: SPREAD, c: 'fits', d: 'fits' });
  });
  it('a pod outside its own selector does not count itself', () => {
    const [o] = run(nodes, [app('p', 'other', undefined, { spec: zoneSpread({ maxSkew: 2 }) })], existing);
    expect(rejections(o!).a).toBe('fits');
    const [o2] = run(nodes, [app('p', 'web', undefined, { spec: zoneSpread({ maxSkew: 2 }) })], existing);
    expect(rejections(o2!).a).toBe(SPREAD);
  });
  it('a node without the topology label is rejected as unresolvable', () => {
    const [o] = run([...nodes, zoned('e')], [app('p', 'web', undefined, { spec: zoneSpread() })], existing);
    expect(rejections(o!).e).toBe(`${SPREAD} (missing required label)`);
  });
  it('minDomains: with fewer domains than minDomains the global minimum is 0', () => {
    const balanced = [app('e1', 'web', 'a'), app('e2', 'web', 'c')];
    // 1 + 1 − 1 = 1 passes everywhere without minDomains; with minDomains 3: 1 + 1 − 0 = 2 > 1.
    const [fits] = run(nodes, [app('p', 'web', undefined, { spec: zoneSpread() })], balanced);
    expect(rejections(fits!)).toEqual({ a: 'fits', b: 'fits', c: 'fits', d: 'fits' });
    const [o] = run(nodes, [app('p', 'web', undefined, { spec: zoneSpread({ minDomains: 3 }) })], balanced);
    expect(o!.message).toBe(
      "0/4 nodes are available: 4 node(s) didn't match pod topology spread constraints. preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.",
    );
  });
  it('nodeAffinityPolicy Honor (default): nodes the pod cannot use are not domains', () => {
    const more = [...nodes, zoned('x', 'z3', { pool: 'other' })];
    const spec = {
      ...zoneSpread(),
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'DoesNotExist' }] }],
          },
        },
      },
    };
    // z3 (min 0) is excluded, so z2's 0 is the minimum as before and z1 still fails.
    const [honor] = run(more, [app('p', 'web', undefined, { spec })], existing);
    expect(rejections(honor!)).toMatchObject({ a: SPREAD, c: 'fits' });
    const ignore = {
      ...spec,
      topologySpreadConstraints: [
        { ...zoneSpread().topologySpreadConstraints[0], nodeAffinityPolicy: 'Ignore', maxSkew: 2 },
      ],
    };
    const withZ3 = [...existing, app('e3', 'web', 'c')];
    // Ignore: z3 counts with 0, so z2 (1): 1 + 1 − 0 = 2 ≤ 2 passes, z1 (2): 3 > 2 fails.
    const [ign] = run(more, [app('p', 'web', undefined, { spec: ignore })], withZ3);
    expect(rejections(ign!)).toMatchObject({ a: SPREAD, c: 'fits' });
  });
  it('pods placed earlier in the same call count', () => {
    const pods = Array.from({ length: 4 }, (_, i) => app(`p${i}`, 'web', undefined, { spec: zoneSpread() }));
    const zones = run(nodes, pods).map((o) => (o.nodeName === 'a' || o.nodeName === 'b' ? 'z1' : 'z2'));
    expect(zones.sort()).toEqual(['z1', 'z1', 'z2', 'z2']);
  });
});

describe('PodTopologySpread score', () => {
  it('ScheduleAnyway: fewer matching pods in the domain scores higher', () => {
    const spec = {
      topologySpreadConstraints: [
        { ...zoneSpread().topologySpreadConstraints[0], whenUnsatisfiable: 'ScheduleAnyway' },
      ],
    };
    const [o] = run(
      [zoned('a', 'z1'), zoned('b', 'z2')],
      [app('p', 'web', undefined, { spec })],
      [app('e1', 'web', 'a'), app('e2', 'web', 'a')],
    );
    // a: 2 × ln(2 + 2) + 0 = 2.77 → 3; b: 0. Normalised: a 100 × (3 + 0 − 3) / 3 = 0, b 100; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ a: 0, b: 200 });
    expect(o!.nodeName).toBe('b');
  });
  it('system defaults apply to a pod without constraints that a Service or ReplicaSet selects', () => {
    const nodes = [zoned('a'), zoned('b'), zoned('c')];
    const owned = (name: string, nodeName?: string) => pod(name, { labels: { app: 'x' }, nodeName, spec: {} });
    const withOwner = (p: ReturnType<typeof owned>) => ({
      ...p,
      metadata: {
        ...p.metadata,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x-1', uid: 'u', controller: true }],
      },
    });
    const replicaSets = [
      { metadata: { name: 'x-1', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'x' } } } },
    ];
    const bound = [withOwner(owned('e1', 'a')), withOwner(owned('e2', 'a'))];
    const [o] = run(nodes, [withOwner(owned('p'))], bound, { replicaSets: replicaSets as never });
    // Hostname (maxSkew 3): a 2 × ln(3 + 2) + 2 = 5.22 → 5, b and c 2; no zone labels, so no zone score.
    // Normalised: a 100 × (5 + 2 − 5) / 5 = 40, b and c 100; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ a: 80, b: 200, c: 200 });
    // Without the ReplicaSet (and no Service), the pod gets no default spreading.
    const [none] = run(nodes, [withOwner(owned('p'))], bound);
    expect(pluginScores(none!, 'PodTopologySpread')).toEqual({ a: undefined, b: undefined, c: undefined });
    // A Service selecting the pod is enough.
    const services = [{ metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'x' } } }];
    const [svc] = run(nodes, [owned('p')], [owned('e1', 'a'), owned('e2', 'a')], { services: services as never });
    expect(pluginScores(svc!, 'PodTopologySpread')).toEqual({ a: 80, b: 200, c: 200 });
  });
});

describe('InterPodAffinity filter', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')];
  const term = (label: string, topologyKey: string, extra: Record<string, unknown> = {}) => ({
    topologyKey,
    labelSelector: { matchLabels: { app: label } },
    ...extra,
  });
  const anti = (...terms: unknown[]) => ({
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } },
  });
  const affinity = (...terms: unknown[]) => ({
    affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } },
  });

  it("the pod's anti-affinity rejects nodes in a domain with a matching pod", () => {
    const [o] = run(
      nodes,
      [app('p', 'web', undefined, { spec: anti(term('web', 'kubernetes.io/hostname')) })],
      [app('e', 'web', 'a')],
    );
    expect(rejections(o!)).toEqual({
      a: "InterPodAffinity: node(s) didn't match pod anti-affinity rules",
      b: 'fits',
      c: 'fits',
    });
  });
  it("existing pods' anti-affinity rejects the pod they select (symmetry), over their whole domain", () => {
    const guard = app('e', 'guard', 'a', { spec: anti(term('db', 'topology.kubernetes.io/zone')) });
    const [o] = run(nodes, [app('p', 'db')], [guard]);
    const reason = "InterPodAffinity: node(s) didn't satisfy existing pods anti-affinity rules";
    expect(rejections(o!)).toEqual({ a: reason, b: reason, c: 'fits' });
  });
  it('required affinity: a matching pod in the domain, and the topology label on the node', () => {
    const [o] = run(
      [...nodes, zoned('d')],
      [app('p', 'web', undefined, { spec: affinity(term('cache', 'topology.kubernetes.io/zone')) })],
      [app('e', 'cache', 'a')],
    );
    const reason = "InterPodAffinity: node(s) didn't match pod affinity rules";
    expect(rejections(o!)).toEqual({ a: 'fits', b: 'fits', c: reason, d: reason });
  });
  it('the first pod of a group that selects itself may go anywhere; one that does not cannot', () => {
    const self = app('p', 'web', undefined, { spec: affinity(term('web', 'topology.kubernetes.io/zone')) });
    expect(run(nodes, [self])[0]!.nodeName).toBe('a');
    const other = app('p', 'web', undefined, { spec: affinity(term('cache', 'topology.kubernetes.io/zone')) });
    expect(run(nodes, [other])[0]!.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
  it('namespaces and namespaceSelector decide which pods a term sees', () => {
    const spec = anti(term('web', 'kubernetes.io/hostname', { namespaceSelector: { matchLabels: { team: 'a' } } }));
    const namespaces = [
      { metadata: { name: 'ns-a', labels: { team: 'a' } } },
      { metadata: { name: 'ns-b', labels: { team: 'b' } } },
    ];
    const bound = [app('e1', 'web', 'a', { namespace: 'ns-a' }), app('e2', 'web', 'b', { namespace: 'ns-b' })];
    const [o] = run(nodes, [app('p', 'x', undefined, { spec, namespace: 'ns-b' })], bound, {
      namespaces: namespaces as never,
    });
    expect(rejections(o!)).toMatchObject({
      a: "InterPodAffinity: node(s) didn't match pod anti-affinity rules",
      b: 'fits',
    });
    // Without namespaces or namespaceSelector a term sees only its own pod's namespace.
    const [own] = run(
      nodes,
      [app('p', 'x', undefined, { spec: anti(term('web', 'kubernetes.io/hostname')), namespace: 'ns-b' })],
      bound,
    );
    expect(rejections(own!)).toMatchObject({
      a: 'fits',
      b: "InterPodAffinity: node(s) didn't match pod anti-affinity rules",
    });
  });
  it('anti-affinity is resolvable by preemption; pods scheduled earlier in the call count', () => {
    const pods = ['p1', 'p2', 'p3', 'p4'].map((n) =>
      app(n, 'web', undefined, { spec: anti(term('web', 'kubernetes.io/hostname')) }),
    );
    const outcomes = run(nodes, pods);
    expect(outcomes.map((o) => o.nodeName ?? '-')).toEqual(['a', 'b', 'c', '-']);
    expect(outcomes[3]!.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });
});

describe('InterPodAffinity score', () => {
  const nodes = [zoned('a', 'z1'), zoned('b', 'z1'), zoned('c', 'z2')];
  it("the pod's preferred affinity: weight × matching pods per domain, min-max normalised, × 2", () => {
    const spec = {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 50,
              podAffinityTerm: {
                topologyKey: 'topology.kubernetes.io/zone',
                labelSelector: { matchLabels: { app: 'cache' } },
              },
            },
          ],
        },
      },
    };
    const [o] = run(nodes, [app('p', 'web', undefined, { spec })], [app('e', 'cache', 'c')]);
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: 0, b: 0, c: 200 });
    expect(o!.nodeName).toBe('c');
  });
  it("placed pods' preferred anti-affinity and required affinity count for the pods they select", () => {
    const avoid = {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 10,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                labelSelector: { matchLabels: { app: 'web' } },
              },
            },
          ],
        },
      },
    };
    const [o] = run(nodes, [app('p', 'web')], [app('e', 'guard', 'a', { spec: avoid })]);
    // a: −10, b and c: 0 → normalised a 0, b and c 100.
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: 0, b: 200, c: 200 });
    const want = {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'web' } } },
          ],
        },
      },
    };
    const [o2] = run(nodes, [app('p', 'web')], [app('e', 'friend', 'c', { spec: want })]);
    // The placed pod's required affinity term counts with weight 1 in its zone.
    expect(pluginScores(o2!, 'InterPodAffinity')).toEqual({ a: 0, b: 0, c: 200 });
  });
  it('is skipped when no term of either side matches anything', () => {
    const [o] = run(nodes, [app('p', 'web')], [app('e', 'other', 'a')]);
    expect(pluginScores(o!, 'InterPodAffinity')).toEqual({ a: undefined, b: undefined, c: undefined });
  });
});
