/**
 * Filter plugins through schedule(): which plugin rejects which node, with kube-scheduler's reason
 * strings (pkg/scheduler/framework/plugins/*), and the default profile's order (a node reports only
 * the first rejecting plugin).
 */
import { describe, expect, it } from '@jest/globals';
import * as nodeName from '../../../src/simulate/scheduler/plugins/node-name.js';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { node, pod, rejections, run } from './builders.js';

const roomy = { cpu: '8', memory: '16Gi' };

describe('NodeUnschedulable', () => {
  it('rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable', () => {
    const nodes = [node('a', { unschedulable: true, allocatable: roomy }), node('b', { allocatable: roomy })];
    expect(rejections(run(nodes, [pod('p')])[0]!)).toEqual({
      a: 'NodeUnschedulable: node(s) were unschedulable',
      b: 'fits',
    });
    const tolerant = pod('p', {
      spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] },
    });
    expect(rejections(run(nodes, [tolerant])[0]!).a).toBe('fits');
  });
  it('comes before TaintToleration in the profile', () => {
    const nodes = [
      node('a', { unschedulable: true, taints: [{ key: 'x', effect: 'NoSchedule' }], allocatable: roomy }),
    ];
    expect(run(nodes, [pod('p')])[0]!.message).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});

describe('NodeName', () => {
  it('fits only the named node', () => {
    expect(nodeName.fits('', 'a')).toBe(true);
    expect(nodeName.fits('a', 'a')).toBe(true);
    expect(nodeName.fits('a', 'b')).toBe(false);
    expect(nodeName.REASON).toBe("node(s) didn't match the requested node name");
  });
  it('a pending pod that already names its node is bound there without scheduling', () => {
    const [o] = run(
      [node('a', { allocatable: roomy }), node('b', { allocatable: roomy })],
      [pod('p', { nodeName: 'b' })],
    );
    expect(o!.nodeName).toBe('b');
    expect(o!.verdicts).toEqual([]);
  });
});

describe('NodeAffinity', () => {
  const nodes = [
    node('n1', { labels: { zone: 'z1', gen: '3', gpu: 'yes' }, allocatable: roomy }),
    node('n2', { labels: { zone: 'z2', gen: '5' }, allocatable: roomy }),
    node('n3', { labels: { zone: 'z3', gen: 'x' }, allocatable: roomy }),
  ];
  const REASON = "NodeAffinity: node(s) didn't match Pod's node affinity/selector";
  const fitting = (expressions: unknown[], fields?: unknown[]) => {
    const term = {
      ...(expressions.length ? { matchExpressions: expressions } : {}),
      ...(fields ? { matchFields: fields } : {}),
    };
    const affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
    };
    const r = rejections(run(nodes, [pod('p', { spec: { affinity } })])[0]!);
    return Object.keys(r).filter((k) => r[k] === 'fits');
  };

  it('nodeSelector must match every label', () => {
    const r = rejections(run(nodes, [pod('p', { spec: { nodeSelector: { zone: 'z2', gen: '5' } } })])[0]!);
    expect(r).toEqual({ n1: REASON, n2: 'fits', n3: REASON });
  });
  it('In, NotIn, Exists, DoesNotExist', () => {
    expect(fitting([{ key: 'zone', operator: 'In', values: ['z1', 'z3'] }])).toEqual(['n1', 'n3']);
    expect(fitting([{ key: 'zone', operator: 'NotIn', values: ['z1'] }])).toEqual(['n2', 'n3']);
    expect(fitting([{ key: 'missing', operator: 'NotIn', values: ['v'] }])).toEqual(['n1', 'n2', 'n3']);
    expect(fitting([{ key: 'gpu', operator: 'Exists' }])).toEqual(['n1']);
    expect(fitting([{ key: 'gpu', operator: 'DoesNotExist' }])).toEqual(['n2', 'n3']);
  });
  it('Gt and Lt compare integers; a non-integer label never matches', () => {
    expect(fitting([{ key: 'gen', operator: 'Gt', values: ['3'] }])).toEqual(['n2']);
    expect(fitting([{ key: 'gen', operator: 'Lt', values: ['5'] }])).toEqual(['n1']);
    expect(fitting([{ key: 'gen', operator: 'Gt', values: ['not-a-number'] }])).toEqual([]);
  });
  it('requirements of a term are ANDed, terms are ORed, an empty term matches nothing', () => {
    expect(
      fitting([
        { key: 'zone', operator: 'In', values: ['z1', 'z2'] },
        { key: 'gen', operator: 'Gt', values: ['4'] },
      ]),
    ).toEqual(['n2']);
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {},
            { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z3'] }] },
            { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] },
          ],
        },
      },
    };
    const r = rejections(run(nodes, [pod('p', { spec: { affinity } })])[0]!);
    expect(r).toEqual({ n1: 'fits', n2: REASON, n3: 'fits' });
  });
  it('matchFields on metadata.name (In narrows in PreFilter, NotIn filters)', () => {
    expect(fitting([], [{ key: 'metadata.name', operator: 'NotIn', values: ['n2'] }])).toEqual(['n1', 'n3']);
    const r = rejections(
      run(nodes, [
        pod('p', {
          spec: {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }],
                },
              },
            },
          },
        }),
      ])[0]!,
    );
    expect(r).toEqual({
      n1: "NodeAffinity: node(s) didn't satisfy plugin(s) [NodeAffinity]",
      n2: 'fits',
      n3: "NodeAffinity: node(s) didn't satisfy plugin(s) [NodeAffinity]",
    });
  });
  describe('matchFields in PreFilter', () => {
    const EXCLUDED = "NodeAffinity: node(s) didn't satisfy plugin(s) [NodeAffinity]";
    const withFields = (...matchFields: unknown[]) =>
      run(nodes, [
        pod('p', {
          spec: {
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields }] },
              },
            },
          },
        }),
      ])[0]!;
    const nameIn = (values?: unknown[]) => ({ key: 'metadata.name', operator: 'In', ...(values ? { values } : {}) });

    it('narrows to the names every In requirement of the term lists', () => {
      expect(rejections(withFields(nameIn(['n2']), nameIn(['n2'])))).toEqual({
        n1: EXCLUDED,
        n2: 'fits',
        n3: EXCLUDED,
      });
    });
    it('leaves a requirement on another field to the filter, where no node has that field', () => {
      expect(rejections(withFields({ key: 'spec.nodeName', operator: 'In', values: ['n2'] }))).toEqual({
        n1: REASON,
        n2: REASON,
        n3: REASON,
      });
    });
    it('reads a null requirement as an empty one (Go zero value), which the filter matches to no node', () => {
      expect(rejections(withFields(null))).toEqual({ n1: REASON, n2: REASON, n3: REASON });
    });
    it('takes an In requirement without values as naming no node: the terms conflict', () => {
      expect(withFields(nameIn()).message).toBe(
        '0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      );
    });
    it('narrows nothing for values that are not all strings: the filter then matches the term to no node', () => {
      expect(rejections(withFields(nameIn([5])))).toEqual({ n1: REASON, n2: REASON, n3: REASON });
      expect(rejections(withFields(nameIn(['n2', 5])))).toEqual({ n1: REASON, n2: REASON, n3: REASON });
    });
  });
  it('a malformed term (In without values) matches nothing instead of throwing', () => {
    expect(fitting([{ key: 'zone', operator: 'In', values: [] }])).toEqual([]);
    expect(fitting([{ key: 'zone', operator: 'Between', values: ['a'] }])).toEqual([]);
  });
  it('preferred terms: weights of matching terms, normalised to 100, times 2', () => {
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] } },
          { weight: 60, preference: { matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['2'] }] } },
        ],
      },
    };
    const [o] = run(nodes, [pod('p', { spec: { affinity } })]);
    // Raw: n1 80, n2 60, n3 0 → normalised 100, 75, 0 → weighted 200, 150, 0.
    expect(Object.fromEntries(o!.verdicts.map((v) => [v.node, v.scores?.NodeAffinity]))).toEqual({
      n1: 200,
      n2: 150,
      n3: 0,
    });
    expect(o!.nodeName).toBe('n1');
  });
});

describe('NodePorts', () => {
  const REASON = "NodePorts: node(s) didn't have free ports for the requested pod ports";
  const withPort = (name: string, port: Record<string, unknown>, nodeName?: string) =>
    pod(name, { nodeName, spec: { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, ...port }] }] } });
  const check = (used: Record<string, unknown>, wanted: Record<string, unknown>) =>
    rejections(run([node('a', { allocatable: roomy })], [withPort('p', wanted)], [withPort('e', used, 'a')])[0]!).a;

  it('the same hostPort and protocol conflict; another protocol does not', () => {
    expect(check({ hostPort: 8080 }, { hostPort: 8080 })).toBe(REASON);
    expect(check({ hostPort: 8080, protocol: 'UDP' }, { hostPort: 8080, protocol: 'TCP' })).toBe('fits');
    expect(check({ hostPort: 8080 }, { hostPort: 8081 })).toBe('fits');
  });
  it('0.0.0.0 conflicts with every IP; two specific IPs do not conflict', () => {
    expect(check({ hostPort: 8080, hostIP: '10.0.0.1' }, { hostPort: 8080 })).toBe(REASON);
    expect(check({ hostPort: 8080 }, { hostPort: 8080, hostIP: '10.0.0.1' })).toBe(REASON);
    expect(check({ hostPort: 8080, hostIP: '10.0.0.1' }, { hostPort: 8080, hostIP: '10.0.0.2' })).toBe('fits');
    expect(check({ hostPort: 8080, hostIP: '10.0.0.1' }, { hostPort: 8080, hostIP: '10.0.0.1' })).toBe(REASON);
  });
  it('compares protocols whole: a wanted 0.0.0.0 port is free of a protocol that only ends like its own', () => {
    expect(check({ hostPort: 8080, protocol: 'SCTP|TCP' }, { hostPort: 8080 })).toBe('fits');
    expect(check({ hostPort: 8080, protocol: 'SCTP|TCP' }, { hostPort: 8080, protocol: 'SCTP|TCP' })).toBe(REASON);
  });
  it('ports without hostPort take nothing; pods scheduled earlier in the call hold theirs', () => {
    expect(check({}, { hostPort: 80 })).toBe('fits');
    const outcomes = run(
      [node('a', { allocatable: roomy }), node('b', { allocatable: roomy })],
      [withPort('p1', { hostPort: 9100 }), withPort('p2', { hostPort: 9100 }), withPort('p3', { hostPort: 9100 })],
    );
    expect(outcomes.map((o) => o.nodeName ?? o.message)).toEqual([
      'a',
      'b',
      "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    ]);
  });
});

describe('NodeResourcesFit', () => {
  it('lists every insufficient resource of a node, extended resources and hugepages included', () => {
    const n = node('a', {
      allocatable: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi', 'nvidia.com/gpu': '1', 'hugepages-2Mi': '0' },
    });
    const p = pod('p', {
      requests: [
        { cpu: '2', memory: '2Gi', 'ephemeral-storage': '2Gi', 'nvidia.com/gpu': '2', 'hugepages-2Mi': '4Mi' },
      ],
    });
    expect(rejections(run([n], [p])[0]!).a).toBe(
      'NodeResourcesFit: Insufficient cpu; Insufficient memory; Insufficient ephemeral-storage; Insufficient hugepages-2Mi; Insufficient nvidia.com/gpu',
    );
  });
  it('lists cpu, memory and ephemeral-storage in that order, however the pod writes its requests', () => {
    const n = node('a', { allocatable: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' } });
    const p = pod('p', { requests: [{ 'ephemeral-storage': '2Gi', memory: '2Gi', cpu: '2' }] });
    expect(rejections(run([n], [p])[0]!).a).toBe(
      'NodeResourcesFit: Insufficient cpu; Insufficient memory; Insufficient ephemeral-storage',
    );
  });
  describe('with more resource kinds than a 28-bit mask holds', () => {
    // example.com/dev<i> is the cluster's resource number i: cpu, memory and ephemeral-storage are 0 to 2,
    // and the first node lists the devices in order.
    const devices = Array.from({ length: 64 }, (_, i) => `example.com/dev${i + 3}`);
    const deviceNode = (name: string, cpu: string, has: number[]) =>
      node(name, {
        allocatable: {
          cpu,
          memory: '8Gi',
          ...Object.fromEntries(devices.map((d) => [d, '0'])),
          ...Object.fromEntries(has.map((i) => [`example.com/dev${i}`, '1'])),
        },
      });
    const wanting = (...names: string[]) => pod('p', { requests: [Object.fromEntries(names.map((n) => [n, '1']))] });

    it('each node keeps its own reasons, whichever devices it lacks', () => {
      const nodes = [
        deviceNode('a', '4', [66]),
        deviceNode('b', '4', [34]),
        deviceNode('c', '500m', [66]),
        deviceNode('d', '500m', [34]),
      ];
      const [o] = run(nodes, [wanting('cpu', 'example.com/dev34', 'example.com/dev66')]);
      expect(rejections(o!)).toEqual({
        a: 'NodeResourcesFit: Insufficient example.com/dev34',
        b: 'NodeResourcesFit: Insufficient example.com/dev66',
        c: 'NodeResourcesFit: Insufficient cpu; Insufficient example.com/dev34',
        d: 'NodeResourcesFit: Insufficient cpu; Insufficient example.com/dev66',
      });
      expect(o!.message).toBe(
        '0/4 nodes are available: 2 Insufficient cpu, 2 Insufficient example.com/dev34, 2 Insufficient example.com/dev66. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
      );
    });
    it('tells apart shortfalls whose resource numbers run together (6 and 60, 66 and 0)', () => {
      const nodes = [deviceNode('a', '4', [66]), deviceNode('b', '500m', [6, 60])];
      const [o] = run(nodes, [wanting('example.com/dev6', 'example.com/dev60', 'example.com/dev66', 'cpu')]);
      expect(rejections(o!)).toEqual({
        a: 'NodeResourcesFit: Insufficient example.com/dev6; Insufficient example.com/dev60',
        b: 'NodeResourcesFit: Insufficient cpu; Insufficient example.com/dev66',
      });
    });
  });
  it('a node without the extended resource lacks it', () => {
    const [o] = run([node('a', { allocatable: roomy })], [pod('p', { requests: [{ 'example.com/fpga': '1' }] })]);
    expect(o!.message).toMatch(/^0\/1 nodes are available: 1 Insufficient example.com\/fpga\./);
  });
  it('Too many pods: allocatable pods, 110 when the node reports none', () => {
    const full = node('a', { allocatable: { cpu: '8', memory: '8Gi', pods: '2' } });
    const bound = [pod('e1', { nodeName: 'a' }), pod('e2', { nodeName: 'a' })];
    expect(rejections(run([full], [pod('p')], bound)[0]!).a).toBe('NodeResourcesFit: Too many pods');
    const noPods = node('b', { allocatable: { cpu: '8', memory: '8Gi' } });
    const many = Array.from({ length: 110 }, (_, i) => pod(`e${i}`, { nodeName: 'b' }));
    expect(rejections(run([noPods], [pod('p')], many)[0]!).b).toBe('NodeResourcesFit: Too many pods');
    expect(rejections(run([noPods], [pod('p')], many.slice(1))[0]!).b).toBe('fits');
  });
  it('defaults allocatable from capacity; requests default from limits', () => {
    const n = node('a', { capacity: { cpu: '2', memory: '2Gi' } });
    const limited = pod('p', {
      spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '3' } } }] },
    });
    expect(rejections(run([n], [limited])[0]!).a).toBe('NodeResourcesFit: Insufficient cpu');
  });
  it('finished bound pods (Succeeded, Failed) hold nothing', () => {
    const done = {
      ...pod('done', { nodeName: 'a', requests: [{ cpu: '2' }] }),
      status: { phase: 'Succeeded' },
    } as unknown as IPod;
    expect(
      run(
        [node('a', { allocatable: { cpu: '2', memory: '1Gi' } })],
        [pod('p', { requests: [{ cpu: '2' }] })],
        [done],
      )[0]!.nodeName,
    ).toBe('a');
  });
});
