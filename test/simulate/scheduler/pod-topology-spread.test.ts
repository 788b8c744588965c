/**
 * PodTopologySpread beyond spreading-and-affinity.test.ts: which pods and nodes a constraint
 * counts (namespaces, inclusion policies), and the score's weights per topology key, ignored
 * nodes, hostname spreading and the system defaults. Expected values follow
 * pkg/scheduler/framework/plugins/podtopologyspread/{filtering,scoring}.go and are worked out by
 * hand in the comments (ln 4 = 1.386, ln 5 = 1.609).
 */
import { describe, expect, it } from '@jest/globals';
import type { INode } from 'kubernetes-models/v1/Node';
import { systemDefaultConstraints } from '../../../src/simulate/scheduler/plugins/pod-topology-spread.js';
import { compileLabelSelector } from '../../../src/model/selectors/label-selector.js';
import { node, pluginScores, pod, rejections, run } from './builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOSTNAME = 'kubernetes.io/hostname';
const RACK = 'topology.example.com/rack';
const cap = { cpu: '8', memory: '16Gi' };
const at = (name: string, labels: Record<string, string>, opts: Parameters<typeof node>[1] = {}) =>
  node(name, { labels, allocatable: cap, ...opts });
const web = (name: string, nodeName?: string, spec?: Record<string, unknown>, namespace?: string) =>
  pod(name, { labels: { app: 'web' }, nodeName, spec, namespace });
const webs = (count: number, nodeName: string) => Array.from({ length: count }, (_, i) => web(`w${i}`, nodeName));

const constraint = (topologyKey: string, whenUnsatisfiable: string, extra: Record<string, unknown> = {}) => ({
  maxSkew: 1,
  topologyKey,
  whenUnsatisfiable,
  labelSelector: { matchLabels: { app: 'web' } },
  ...extra,
});
const spread = (...constraints: unknown[]) => ({ topologySpreadConstraints: constraints });

const SPREAD = "PodTopologySpread: node(s) didn't match pod topology spread constraints";
const TAINT = 'TaintToleration: node(s) had untolerated taint {maintenance: }';
const NODE_AFFINITY = "NodeAffinity: node(s) didn't match Pod's node affinity/selector";
const maintenance = [{ key: 'maintenance', effect: 'NoSchedule' }];

describe('PodTopologySpread filter: what a constraint counts', () => {
  it("counts only pods of the pod's own namespace", () => {
    const nodes = [at('a', { [ZONE]: 'z1' }), at('b', { [ZONE]: 'z2' })];
    const bound = [web('o1', 'a', {}, 'other'), web('o2', 'a', {}, 'other'), web('d1', 'b')];
    // default: z1 0, z2 1, minimum 0: a 0 + 1 − 0 = 1 passes, b 1 + 1 − 0 = 2 > 1 fails.
    const [o] = run(nodes, [web('p', undefined, spread(constraint(ZONE, 'DoNotSchedule')))], bound);
    expect(rejections(o!)).toEqual({ a: 'fits', b: SPREAD });
  });

  it('nodeTaintsPolicy Honor leaves out nodes with a taint the pod does not tolerate', () => {
    const nodes = [
      at('a', { [ZONE]: 'z1' }),
      at('b', { [ZONE]: 'z2' }),
      at('c', { [ZONE]: 'z3' }, { taints: maintenance }),
    ];
    const bound = [web('e1', 'a'), web('e2', 'b')];
    const withPolicy = (policy: string, extra: Record<string, unknown> = {}) =>
      web('p', undefined, { ...spread(constraint(ZONE, 'DoNotSchedule', { nodeTaintsPolicy: policy })), ...extra });
    // Ignore (the default): z3 counts with 0, so z1 and z2 give 1 + 1 − 0 = 2 > 1.
    const [ignore] = run(nodes, [withPolicy('Ignore')], bound);
    expect(rejections(ignore!)).toEqual({ a: SPREAD, b: SPREAD, c: TAINT });
    // Honor: z3 is left out, the minimum is 1 and z1, z2 give 1 + 1 − 1 = 1.
    const [honor] = run(nodes, [withPolicy('Honor')], bound);
    expect(rejections(honor!)).toEqual({ a: 'fits', b: 'fits', c: TAINT });
    // Honor with a toleration: z3 counts again.
    const tolerations = [{ key: 'maintenance', operator: 'Exists', effect: 'NoSchedule' }];
    const [tolerating] = run(nodes, [withPolicy('Honor', { tolerations })], bound);
    expect(rejections(tolerating!)).toEqual({ a: SPREAD, b: SPREAD, c: 'fits' });
  });

  it('pods of one shape with different inclusion policies each count over their own nodes', () => {
    const nodes = [
      at('a', { [ZONE]: 'z1' }),
      at('b', { [ZONE]: 'z2' }),
      at('t', { [ZONE]: 'z4' }, { taints: maintenance }),
      at('x', { [ZONE]: 'z3', pool: 'other' }),
    ];
    const noPool = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'DoesNotExist' }] }],
        },
      },
    };
    const withPolicies = (name: string, nodeAffinityPolicy: string, nodeTaintsPolicy: string) =>
      web(name, undefined, {
        affinity: noPool,
        ...spread(constraint(ZONE, 'DoNotSchedule', { nodeAffinityPolicy, nodeTaintsPolicy })),
      });
    // z1 and z2 hold 1 each. Honouring node affinity leaves out z3 (x), honouring taints z4 (t);
    // only with both left out is the minimum 1 (1 + 1 − 1 = 1), else 0 (1 + 1 − 0 = 2 > 1).
    const outcomes = run(
      nodes,
      [
        withPolicies('affinity-only', 'Honor', 'Ignore'),
        withPolicies('taints-only', 'Ignore', 'Honor'),
        withPolicies('both', 'Honor', 'Honor'),
      ],
      [web('e1', 'a'), web('e2', 'b')],
    );
    const rejected = { a: SPREAD, b: SPREAD, t: TAINT, x: NODE_AFFINITY };
    expect(outcomes.map((o) => rejections(o))).toEqual([
      rejected,
      rejected,
      { a: 'fits', b: 'fits', t: TAINT, x: NODE_AFFINITY },
    ]);
  });
});

describe('PodTopologySpread score', () => {
  it('each topology key is weighted by ln(its own number of domains + 2)', () => {
    const nodes = [
      at('a', { [ZONE]: 'z1', [RACK]: 'r1' }),
      at('b', { [ZONE]: 'z1', [RACK]: 'r2' }),
      at('c', { [ZONE]: 'z2', [RACK]: 'r3' }),
    ];
    const spec = spread(constraint(ZONE, 'ScheduleAnyway'), constraint(RACK, 'ScheduleAnyway'));
    const [o] = run(nodes, [web('p', undefined, spec)], webs(3, 'a'));
    // Zones: 2 domains, weight ln 4; racks: 3, weight ln 5.
    // a: 3 × 1.386 + 3 × 1.609 = 8.99 → 9; b: 3 × 1.386 = 4.16 → 4; c: 0.
    // Normalised 100 × (9 + 0 − s) / 9: a 0, b 55, c 100; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ a: 0, b: 110, c: 200 });
  });

  it('nodes missing a key score 0 and leave the hostname weight', () => {
    const nodes = [at('a', { [ZONE]: 'z1' }), at('b', { [ZONE]: 'z1' }), at('c', { [ZONE]: 'z2' }), at('d', {})];
    const spec = spread(constraint(HOSTNAME, 'ScheduleAnyway'), constraint(ZONE, 'ScheduleAnyway'));
    const [o] = run(nodes, [web('p', undefined, spec)], webs(3, 'a'));
    // d has no zone: ignored. Hostname weight ln(4 feasible − 1 ignored + 2) = ln 5; zones: 2, ln 4.
    // a: 3 × 1.609 + 3 × 1.386 = 8.99 → 9; b: 3 × 1.386 = 4.16 → 4; c: 0.
    // Normalised 100 × (9 + 0 − s) / 9 over a, b, c: 0, 55, 100; d 0; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ a: 0, b: 110, c: 200, d: 0 });
  });

  it('hostname spreading counts the pods on the node itself, even when nodes share a hostname label', () => {
    const nodes = [at('n1', { [HOSTNAME]: 'shared' }), at('n2', { [HOSTNAME]: 'shared' }), at('n3', {})];
    const [o] = run(nodes, [web('p', undefined, spread(constraint(HOSTNAME, 'ScheduleAnyway')))], [web('e', 'n1')]);
    // Weight ln(3 + 2): n1 1 × 1.609 → 2, n2 and n3 0. Normalised 100 × (2 + 0 − s) / 2; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ n1: 0, n2: 200, n3: 200 });
  });

  it('pods alike scored one after the other count domains over their own required keys', () => {
    const nodes = [
      at('a', { [ZONE]: 'z1', [RACK]: 'r1' }),
      at('b', { [ZONE]: 'z2', [RACK]: 'r2' }),
      at('c', { [ZONE]: 'z3' }),
    ];
    const zoneOnly = web('p1', undefined, spread(constraint(ZONE, 'ScheduleAnyway')));
    const zoneAndRack = web(
      'p2',
      undefined,
      spread(constraint(ZONE, 'ScheduleAnyway'), constraint(RACK, 'ScheduleAnyway')),
    );
    const [first, second] = run(nodes, [zoneOnly, zoneAndRack], webs(3, 'a'));
    // p1: 3 zones, ln 5: a 3 × 1.609 = 4.83 → 5, b and c 0. Normalised: 0, 100, 100; × 2. It goes to b.
    expect(pluginScores(first!, 'PodTopologySpread')).toEqual({ a: 0, b: 200, c: 200 });
    expect(first!.nodeName).toBe('b');
    // p2: c has no rack, so it is ignored and zones count 2 domains (ln 4), as racks do.
    // a: 3 × 1.386 + 3 × 1.386 = 8.32 → 8; b: 1.386 + 1.386 = 2.77 → 3.
    // Normalised 100 × (8 + 3 − s) / 8: a 37, b 100; c 0; × 2.
    expect(pluginScores(second!, 'PodTopologySpread')).toEqual({ a: 74, b: 200, c: 0 });
  });

  it('system defaults: a node without a hostname label gets no hostname score', () => {
    const bare = at('c', {});
    delete (bare.metadata!.labels as Record<string, string>)[HOSTNAME];
    const nodes: INode[] = [at('a', {}), at('b', {}), bare];
    const x = (name: string, nodeName?: string) => pod(name, { labels: { app: 'x' }, nodeName });
    const services = [{ metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'x' } } }];
    const [o] = run(nodes, [x('p')], [x('e', 'a')], { services: services as never });
    // Hostname (maxSkew 3), weight ln(3 + 2): a 1 × 1.609 + 2 = 3.61 → 4, b 0 + 2 = 2, c nothing: 0.
    // No zone labels, so no zone score. Normalised 100 × (4 + 0 − s) / 4: 0, 50, 100; × 2.
    expect(pluginScores(o!, 'PodTopologySpread')).toEqual({ a: 0, b: 100, c: 200 });
  });

  it("the system defaults are kube-scheduler's: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway", () => {
    const defaults = {
      hard: false,
      minDomains: 1,
      honorNodeAffinity: true,
      honorNodeTaints: false,
    };
    expect(systemDefaultConstraints(compileLabelSelector({ matchLabels: { app: 'x' } }))).toMatchObject([
      { ...defaults, topologyKey: HOSTNAME, maxSkew: 3 },
      { ...defaults, topologyKey: ZONE, maxSkew: 5 },
    ]);
  });
});
