import { describe, expect, it } from '@jest/globals';
import { loadCluster } from '../../src/simulate/cluster/load-cluster.js';
import { DEFAULT_NODE_GROUPS, defaultClusterNodes } from '../../src/simulate/cluster/default-cluster.js';
import { nodeGroupsToNodes } from '../../src/simulate/cluster/node-groups.js';
import { brief } from '../helpers/findings.js';

type Node = {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: { allocatable?: Record<string, string> };
};

describe('loadCluster (--cluster)', () => {
  it('reads kubectl get nodes -o yaml: allocatable, capacity when allocatable is missing, labels, taints, cordoned nodes', async () => {
    const cluster = await loadCluster(['fixtures/clusters/kubectl-nodes.yaml']);
    expect(cluster.findings).toEqual([]);
    const nodes = cluster.nodes as unknown as Node[];
    expect(nodes.map((n) => n.metadata.name)).toEqual([
      'ip-10-0-1-17.eu-west-1.compute.internal',
      'ip-10-0-2-41.eu-west-1.compute.internal',
      'ip-10-0-3-9.eu-west-1.compute.internal',
    ]);
    expect(nodes.map((n) => n.status?.allocatable)).toEqual([
      { cpu: '3920m', 'ephemeral-storage': '95491281146', memory: '15236Mi', pods: '58' },
      { cpu: '8', memory: '32Gi', pods: '110' },
      { cpu: '3920m', memory: '15236Mi', pods: '58' },
    ]);
    expect(nodes[0]!.metadata.labels!['topology.kubernetes.io/zone']).toBe('eu-west-1a');
    expect(nodes[1]!.spec!.taints).toEqual([
      { key: 'dedicated', value: 'batch', effect: 'NoSchedule' },
      { key: 'spot', effect: 'PreferNoSchedule' },
    ]);
    expect(nodes[2]!.spec!.unschedulable).toBe(true);
    expect([...cluster.sources.keys()]).toEqual(nodes.map((n) => n.metadata.name));
  });

  it('reads a typed NodeList whose items have no apiVersion and kind', async () => {
    const cluster = await loadCluster(['fixtures/clusters/nodelist.yaml']);
    expect(cluster.findings).toEqual([]);
    expect(cluster.nodes).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'edge-1', labels: { 'kubernetes.io/hostname': 'edge-1' } },
        status: { allocatable: { cpu: '2', memory: '4Gi', pods: '30' } },
      },
    ]);
  });

  it('keeps what it can of bad nodes and reports the rest at its position', async () => {
    const cluster = await loadCluster(['fixtures/clusters/bad-nodes.yaml']);
    expect(cluster.findings.map(brief)).toEqual([
      'fixtures/clusters/bad-nodes.yaml:4:3 error cluster-node-invalid node has no metadata.name; ignored',
      'fixtures/clusters/bad-nodes.yaml:14:10 error cluster-node-invalid node worker-a: allocatable cpu "four" is not a quantity; treated as 0',
      'fixtures/clusters/bad-nodes.yaml:21:9 error cluster-node-invalid node worker-a is defined twice; the second definition is ignored',
      'fixtures/clusters/bad-nodes.yaml:25:1 warning cluster-node-invalid node worker-b has neither status.allocatable nor status.capacity; no pod that requests resources fits on it',
      'fixtures/clusters/bad-nodes.yaml:31:5 error cluster-node-invalid node worker-b: a taint needs a key, a string value if any, and an effect of NoSchedule, PreferNoSchedule or NoExecute; this one is ignored',
      'fixtures/clusters/bad-nodes.yaml:42:11 error cluster-node-invalid node worker-c: spec.taints is not a list; ignored',
      'fixtures/clusters/bad-nodes.yaml:65:48 error cluster-node-invalid node worker-d: allocatable pods "-5" is not a quantity of at least 0; treated as 0',
      'fixtures/clusters/bad-nodes.yaml:59:18 error cluster-node-invalid node worker-d: spec.unschedulable "yes" is not true or false; the node counts as schedulable',
      'fixtures/clusters/bad-nodes.yaml:61:5 error cluster-node-invalid node worker-d: a taint needs a key, a string value if any, and an effect of NoSchedule, PreferNoSchedule or NoExecute; this one is ignored',
      'fixtures/clusters/bad-nodes.yaml:47:7 info cluster-object-ignored --cluster takes Node objects; ConfigMap cluster-info is ignored (objects already in the cluster belong in --current)',
    ]);
    expect(cluster.findings.every((f) => f.phase === 'simulate')).toBe(true);
    const nodes = cluster.nodes as unknown as Node[];
    expect(nodes.map((n) => [n.metadata.name, n.status?.allocatable, n.spec?.taints])).toEqual([
      ['worker-a', { cpu: '0', memory: '16Gi', pods: '110' }, undefined],
      ['worker-b', undefined, [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }]],
      ['worker-c', { cpu: '4', memory: '16Gi' }, undefined],
      ['worker-d', { cpu: '4', memory: '16Gi', pods: '0' }, []],
    ]);
    expect((cluster.nodes[3] as unknown as Node).spec).toEqual({ taints: [] });
  });

  it('reports a whole dump of other objects once per file, and files it cannot read', async () => {
    const cluster = await loadCluster(['fixtures/current/shop.yaml', 'fixtures/clusters/missing.yaml']);
    expect(cluster.nodes).toEqual([]);
    expect(cluster.ioErrors).toBe(1);
    expect(cluster.findings.map(brief)).toEqual([
      'fixtures/clusters/missing.yaml:1:1 error file-unreadable cannot read file: no such file or directory',
      'fixtures/current/shop.yaml:7:9 info cluster-object-ignored --cluster takes Node objects; 7 other objects (Namespace shop, Deployment web, ReplicaSet web-7c9f8b6d5, ...) are ignored (objects already in the cluster belong in --current)',
    ]);
  });
});

describe('nodeGroupsToNodes (cluster.nodeGroups of .kubeplan.yaml)', () => {
  it('makes count nodes per group, zones round-robin with their region, labels and taints', () => {
    const { nodes, problems } = nodeGroupsToNodes([
      {
        name: 'general',
        count: 3,
        cpu: '3920m',
        memory: '14880Mi',
        zones: ['eu-1a', 'eu-1b'],
        instanceType: 'm6i.xlarge',
        labels: { pool: 'general' },
      },
      {
        name: 'batch',
        count: 1,
        cpu: 8,
        memory: '32Gi',
        pods: 58,
        ephemeralStorage: '50Gi',
        taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }],
        unschedulable: true,
      },
    ]);
    expect(problems).toEqual([]);
    expect(nodes.map((n) => (n as unknown as Node).metadata.name)).toEqual([
      'general-1',
      'general-2',
      'general-3',
      'batch-1',
    ]);
    expect(nodes[1]).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: 'general-2',
        labels: {
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': 'general-2',
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': 'm6i.xlarge',
          pool: 'general',
          'topology.kubernetes.io/region': 'eu-1',
          'topology.kubernetes.io/zone': 'eu-1b',
        },
      },
      spec: {},
      status: {
        allocatable: { cpu: '3920m', 'ephemeral-storage': '95Gi', memory: '14880Mi', pods: '110' },
        capacity: { cpu: '3920m', 'ephemeral-storage': '95Gi', memory: '14880Mi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      },
    });
    expect((nodes[2] as unknown as Node).metadata.labels!['topology.kubernetes.io/zone']).toBe('eu-1a');
    expect(nodes[3]).toMatchObject({
      spec: { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }], unschedulable: true },
      status: { allocatable: { cpu: '8', 'ephemeral-storage': '50Gi', memory: '32Gi', pods: '58' } },
    });
  });

  it('skips a group with a value that is not a quantity, or a name used twice, and says where', () => {
    const { nodes, problems } = nodeGroupsToNodes([
      { name: 'a', count: 1, cpu: 'lots', memory: '1Gi' },
      { name: 'b', count: 2, cpu: '1', memory: '1Gi' },
      { name: 'b', count: 1, cpu: '2', memory: '2Gi', ephemeralStorage: 'big' },
    ]);
    expect(nodes.map((n) => (n as unknown as Node).metadata.name)).toEqual(['b-1', 'b-2']);
    expect(problems).toEqual([
      { pointer: '/0/cpu', message: 'node group a: cpu "lots" is not a quantity (e.g. 4, 3920m, 16Gi); group skipped' },
      {
        pointer: '/2/ephemeralStorage',
        message: 'node group b: ephemeralStorage "big" is not a quantity (e.g. 4, 3920m, 16Gi); group skipped',
      },
      { pointer: '/2/name', message: 'node group b is defined twice; the second is skipped' },
    ]);
  });

  it('describes the embedded default cluster: a tainted control plane and six workers over three zones', () => {
    const nodes = defaultClusterNodes() as unknown as Node[];
    expect(DEFAULT_NODE_GROUPS.map((g) => `${g.name}×${g.count}`)).toEqual(['control-plane×1', 'worker×6']);
    expect(
      nodes.map(
        (n) => `${n.metadata.name} ${n.metadata.labels!['topology.kubernetes.io/zone']} ${n.status!.allocatable!.cpu}`,
      ),
    ).toEqual([
      'control-plane-1 region-1a 1930m',
      'worker-1 region-1a 3920m',
      'worker-2 region-1b 3920m',
      'worker-3 region-1c 3920m',
      'worker-4 region-1a 3920m',
      'worker-5 region-1b 3920m',
      'worker-6 region-1c 3920m',
    ]);
    expect(nodes[0]!.spec!.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });
});
