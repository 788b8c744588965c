/**
 * TaintToleration: the score cases of kube-scheduler's
 * pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (TestTaintTolerationScore,
 * the operators of Kubernetes 1.34: Equal and Exists) and its filter cases, with the 1.34 reason
 * "node(s) had untolerated taint {key: value}".
 */
import { describe, expect, it } from '@jest/globals';
import { node, pluginScores, pod, rejections, run } from './builders.js';

type Taint = { key: string; value?: string; effect: string };
type Toleration = { key?: string; operator?: string; value?: string; effect?: string };

const tainted = (name: string, taints: Taint[]) => node(name, { taints, allocatable: { cpu: '4', memory: '4Gi' } });
const tolerating = (tolerations: Toleration[]) => pod('pod1', { spec: { tolerations } });
/** Weighted scores divided by the plugin weight (3): the normalised scores of the upstream table. */
const normalised = (nodes: ReturnType<typeof tainted>[], tolerations: Toleration[]) => {
  const [o] = run(nodes, [tolerating(tolerations)]);
  return Object.fromEntries(Object.entries(pluginScores(o!, 'TaintToleration')).map(([k, v]) => [k, v! / 3]));
};

describe('TaintToleration score (taint_toleration_test.go)', () => {
  it('a node whose taints the pod tolerates scores higher than one with intolerable taints', () => {
    const nodes = [
      tainted('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
      tainted('nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]),
    ];
    expect(normalised(nodes, [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }])).toEqual({
      nodeA: 100,
      nodeB: 0,
    });
  });

  it('nodes whose taints are all tolerated score the same, however many taints they have', () => {
    const arm = { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' };
    const ssd = { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' };
    const nodes = [tainted('nodeA', []), tainted('nodeB', [arm]), tainted('nodeC', [arm, ssd])];
    const tolerations = [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
    ];
    expect(normalised(nodes, tolerations)).toEqual({ nodeA: 100, nodeB: 100, nodeC: 100 });
  });

  it('the more intolerable taints a node has, the lower its score', () => {
    const arm = { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' };
    const ssd = { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' };
    const nodes = [tainted('nodeA', []), tainted('nodeB', [arm]), tainted('nodeC', [arm, ssd])];
    expect(normalised(nodes, [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }])).toEqual({
      nodeA: 100,
      nodeB: 50,
      nodeC: 0,
    });
  });

  it('only PreferNoSchedule taints and tolerations count', () => {
    const nodes = [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]),
      tainted('nodeC', [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
    ];
    const tolerations = [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
    ];
    expect(normalised(nodes, tolerations)).toEqual({ nodeA: 100, nodeB: 100, nodeC: 0 });
  });

  it('no taints and no tolerations: the untainted node wins', () => {
    const nodes = [
      tainted('nodeA', []),
      tainted('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
    ];
    expect(normalised(nodes, [])).toEqual({ nodeA: 100, nodeB: 0 });
    const [o] = run(nodes, [tolerating([])]);
    expect(o!.nodeName).toBe('nodeA');
  });
});

describe('TaintToleration filter', () => {
  const filter = (taints: Taint[], tolerations: Toleration[]) =>
    rejections(run([tainted('nodeA', taints), node('other', { unschedulable: true })], [tolerating(tolerations)])[0]!)
      .nodeA;
  const dedicated = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };

  it('a pod without tolerations cannot land on a node with a NoSchedule taint', () => {
    expect(filter([dedicated], [])).toBe('TaintToleration: node(s) had untolerated taint {dedicated: user1}');
  });
  it('an Equal toleration with the same key, value and effect tolerates it', () => {
    expect(filter([dedicated], [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }])).toBe('fits');
  });
  it('a different value does not', () => {
    expect(
      filter([dedicated], [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
    ).toMatch(/untolerated taint \{dedicated: user1\}/);
  });
  it('Exists tolerates any value; an empty effect tolerates every effect', () => {
    expect(
      filter(
        [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
        [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      ),
    ).toBe('fits');
    expect(
      filter([{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], [{ key: 'foo', operator: 'Equal', value: 'bar' }]),
    ).toBe('fits');
    expect(filter([{ key: 'foo', value: 'bar', effect: 'NoExecute' }], [{ operator: 'Exists' }])).toBe('fits');
  });
  it('a matching key and value with another (non-empty) effect does not tolerate', () => {
    expect(
      filter(
        [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
        [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      ),
    ).toMatch(/^TaintToleration/);
  });
  it('PreferNoSchedule never rejects', () => {
    expect(filter([{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], [])).toBe('fits');
  });
  it('names the first untolerated taint, and prints an empty value as nothing after the colon', () => {
    const taints = [
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      { key: 'gone', value: 'x', effect: 'NoExecute' },
    ];
    expect(filter(taints, [{ key: 'foo', operator: 'Exists' }])).toBe(
      'TaintToleration: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    );
  });
  it('is unresolvable: preemption does not help', () => {
    const [o] = run(
      [tainted('nodeA', [dedicated])],
      [pod('p', { priority: 1000 })],
      [pod('low', { nodeName: 'nodeA', priority: -5 })],
    );
    expect(o!.message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: user1}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});

describe('TaintToleration score: cases the upstream table leaves out', () => {
  it('a toleration without effect tolerates a PreferNoSchedule taint', () => {
    const nodes = [
      tainted('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
      tainted('nodeB', [{ key: 'baz', value: 'bar', effect: 'PreferNoSchedule' }]),
    ];
    expect(normalised(nodes, [{ key: 'foo', operator: 'Exists' }])).toEqual({ nodeA: 100, nodeB: 0 });
  });

  it('a taint of an effect Kubernetes does not define neither rejects a node nor lowers its score', () => {
    const nodes = [tainted('nodeA', [{ key: 'foo', value: 'bar', effect: 'Sometimes' }]), tainted('nodeB', [])];
    expect(normalised(nodes, [])).toEqual({ nodeA: 100, nodeB: 100 });
  });
});
