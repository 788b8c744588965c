import { describe, expect, it } from '@jest/globals';
import { plan, type PlanResult } from '../../src/commands/plan.js';
import type { KubeObject } from '../../src/model/manifest.js';
import { brief } from '../helpers/findings.js';

type Pod = {
  metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status: { phase: string };
};

function objectsOf(result: PlanResult, kind: string): KubeObject[] {
  return result.state.objects.filter((o) => o.kind === kind);
}

function pods(result: PlanResult, prefix = ''): Pod[] {
  return (objectsOf(result, 'Pod') as unknown as Pod[]).filter((p) => p.metadata.name.startsWith(prefix));
}

/** Asserts that every one of `expected` happened, each after the one before it. */
function expectInOrder(all: string[], expected: string[]): void {
  expect(all).toEqual(expect.arrayContaining(expected));
  const positions = expected.map((e) => all.indexOf(e));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

function events(result: PlanResult, name?: string): string[] {
  return result.state.events
    .filter((e) => name === undefined || e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`);
}

describe('StatefulSet', () => {
  it('OrderedReady: one pod that cannot be scheduled holds back the higher ordinals; claims come first', async () => {
    const result = await plan(['fixtures/plan/statefulset']);
    expect(pods(result, 'db-').map((p) => `${p.metadata.name} ${p.spec.nodeName ?? '-'} ${p.status.phase}`)).toEqual([
      'db-0 worker-1 Running',
      'db-1 worker-5 Running',
      'db-2 worker-6 Running',
      'db-3 worker-2 Running',
      'db-4 worker-3 Running',
      'db-5 worker-4 Running',
      'db-6 - Pending',
    ]);
    expect(result.findings.map(brief)).toEqual([
      'fixtures/plan/statefulset/database.yaml:23:13 error pod-unschedulable 1 of 7 pods of StatefulSet data/db cannot be scheduled: 0/7 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 6 Insufficient cpu. preemption: 0/7 nodes are available: 1 Preemption is not helpful for scheduling, 6 No preemption victims found for incoming pod. (OrderedReady: the next pod is not created until it is Ready)',
    ]);
    const db = events(result, 'db');
    expect(db.slice(0, 2)).toEqual([
      'Normal SuccessfulCreate StatefulSet/db: create Claim data-db-0 Pod db-0 in StatefulSet db success',
      'Normal SuccessfulCreate StatefulSet/db: create Pod db-0 in StatefulSet db successful',
    ]);
    expect(db.at(-1)).toBe('Normal SuccessfulCreate StatefulSet/db: create Pod db-6 in StatefulSet db successful');
    // Each pod is created only after the one before it was scheduled (and so Ready).
    const nodes = ['worker-1', 'worker-5', 'worker-6', 'worker-2', 'worker-3', 'worker-4'];
    expectInOrder(events(result), [
      ...nodes.flatMap((node, i) => [
        `Normal SuccessfulCreate StatefulSet/db: create Pod db-${i} in StatefulSet db successful`,
        `Normal Scheduled Pod/db-${i}: Successfully assigned data/db-${i} to ${node}`,
      ]),
      'Normal SuccessfulCreate StatefulSet/db: create Pod db-6 in StatefulSet db successful',
    ]);
    const db0 = pods(result, 'db-0')[0]!;
    expect(db0.metadata.labels).toEqual({
      app: 'db',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': 'db-d8bf76878',
      'statefulset.kubernetes.io/pod-name': 'db-0',
    });
    expect([db0.spec.hostname, db0.spec.subdomain]).toEqual(['db-0', 'db']);
    expect(db0.spec.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }]);
    const claims = objectsOf(result, 'PersistentVolumeClaim') as unknown as Array<{
      metadata: { name: string; labels: Record<string, string> };
      spec: { volumeName?: string };
      status: { phase: string };
    }>;
    expect(claims.map((c) => `${c.metadata.name} ${c.status.phase}`)).toEqual([
      'data-db-0 Bound',
      'data-db-1 Bound',
      'data-db-2 Bound',
      'data-db-3 Bound',
      'data-db-4 Bound',
      'data-db-5 Bound',
      'data-db-6 Pending',
    ]);
    expect(claims[0]!.metadata.labels).toEqual({ app: 'db' });
    expect(claims[0]!.spec.volumeName).toMatch(/^pvc-[0-9a-f]{8}-/);
    const set = objectsOf(result, 'StatefulSet').find((s) => (s.metadata as { name: string }).name === 'db')!;
    expect(set.status).toEqual({
      observedGeneration: 1,
      replicas: 7,
      readyReplicas: 6,
      availableReplicas: 6,
      currentReplicas: 7,
      updatedReplicas: 7,
      currentRevision: 'db-d8bf76878',
      updateRevision: 'db-d8bf76878',
    });
  });

  it('Parallel creates every pod at once, numbered from ordinals.start', async () => {
    const result = await plan(['fixtures/plan/statefulset']);
    expect(pods(result, 'cache-').map((p) => `${p.metadata.name} ${p.spec.nodeName}`)).toEqual([
      'cache-1 worker-2',
      'cache-2 worker-3',
      'cache-3 worker-4',
    ]);
    expect(events(result, 'cache').slice(0, 3)).toEqual([
      'Normal SuccessfulCreate StatefulSet/cache: create Pod cache-1 in StatefulSet cache successful',
      'Normal SuccessfulCreate StatefulSet/cache: create Pod cache-2 in StatefulSet cache successful',
      'Normal SuccessfulCreate StatefulSet/cache: create Pod cache-3 in StatefulSet cache successful',
    ]);
  });
});

describe('Deployment Recreate', () => {
  it('scales the old ReplicaSet to zero, waits for its pods to go, then creates the new one at full size', async () => {
    const result = await plan(['fixtures/plan/recreate'], { current: ['fixtures/current/recreate.yaml'] });
    expect(events(result)).toEqual([
      'Normal ScalingReplicaSet Deployment/migrator: Scaled down replica set migrator-5d8f7c9b6 from 2 to 0',
      'Normal SuccessfulDelete ReplicaSet/migrator-5d8f7c9b6: Deleted pod: migrator-5d8f7c9b6-q7wzt',
      'Normal SuccessfulDelete ReplicaSet/migrator-5d8f7c9b6: Deleted pod: migrator-5d8f7c9b6-4xk2p',
      'Normal ScalingReplicaSet Deployment/migrator: Scaled up replica set migrator-6bf5cd5fdd from 0 to 2',
      'Normal SuccessfulCreate ReplicaSet/migrator-6bf5cd5fdd: Created pod: migrator-6bf5cd5fdd-rlxnf',
      'Normal SuccessfulCreate ReplicaSet/migrator-6bf5cd5fdd: Created pod: migrator-6bf5cd5fdd-46c9k',
      'Normal Scheduled Pod/migrator-6bf5cd5fdd-rlxnf: Successfully assigned ops/migrator-6bf5cd5fdd-rlxnf to worker-1',
      'Normal Scheduled Pod/migrator-6bf5cd5fdd-46c9k: Successfully assigned ops/migrator-6bf5cd5fdd-46c9k to worker-2',
    ]);
    const sets = objectsOf(result, 'ReplicaSet') as unknown as Array<{
      metadata: { name: string; annotations: Record<string, string> };
      spec: { replicas: number };
    }>;
    expect(
      sets.map(
        (rs) =>
          `${rs.metadata.name} ${rs.spec.replicas} revision ${rs.metadata.annotations['deployment.kubernetes.io/revision']}`,
      ),
    ).toEqual(['migrator-5d8f7c9b6 0 revision 3', 'migrator-6bf5cd5fdd 2 revision 4']);
    expect(result.findings).toEqual([]);
  });
});

describe('HorizontalPodAutoscaler', () => {
  it('clamps its target to minReplicas and maxReplicas and leaves a target at 0 alone', async () => {
    const result = await plan(['fixtures/plan/autoscaling']);
    expect(
      result.state.events
        .filter((e) => e.reason === 'SuccessfulRescale')
        .map((e) => `${e.involvedObject.name}: ${e.message}`),
    ).toEqual([
      'api: New size: 3; reason: Current number of replicas below Spec.MinReplicas',
      'worker: New size: 4; reason: Current number of replicas above Spec.MaxReplicas',
    ]);
    const replicas = Object.fromEntries(
      objectsOf(result, 'Deployment').map((d) => [
        (d.metadata as { name: string }).name,
        (d.spec as { replicas: number }).replicas,
      ]),
    );
    expect(replicas).toEqual({ api: 3, batch: 0, worker: 4 });
    expect(pods(result, 'api-')).toHaveLength(3);
    expect(pods(result, 'worker-')).toHaveLength(4);
    expect(pods(result, 'batch-')).toHaveLength(0);
  });
});

describe('Job', () => {
  it('starts min(parallelism, completions) pods; Indexed pods carry their completion index', async () => {
    const result = await plan(['fixtures/plan/jobs']);
    const render = pods(result, 'render-');
    expect(
      render.map((p) => [
        p.metadata.name,
        p.metadata.labels['batch.kubernetes.io/job-completion-index'],
        p.metadata.annotations,
        p.spec.hostname,
      ]),
    ).toEqual([
      ['render-0-f9k22', '0', { 'batch.kubernetes.io/job-completion-index': '0' }, 'render-0'],
      ['render-1-b22sj', '1', { 'batch.kubernetes.io/job-completion-index': '1' }, 'render-1'],
    ]);
    expect(render[0]!.metadata.labels['batch.kubernetes.io/job-name']).toBe('render');
    expect(pods(result, 'import-').map((p) => p.metadata.name)).toEqual(['import-hcgw4', 'import-rvsh9']);
    expect(pods(result, 'later-')).toEqual([]);
    const jobs = Object.fromEntries(
      objectsOf(result, 'Job').map((j) => [
        (j.metadata as { name: string }).name,
        (j.status as { active: number }).active,
      ]),
    );
    expect(jobs).toEqual({ import: 2, later: 0, render: 2 });
  });
});

describe('DaemonSet', () => {
  it('runs on every node whose taints its pods tolerate, cordoned nodes included, with the daemon tolerations', async () => {
    const result = await plan(['fixtures/plan/daemonsets'], { cluster: ['fixtures/clusters/kubectl-nodes.yaml'] });
    expect(pods(result).map((p) => `${p.metadata.name} ${p.spec.nodeName}`)).toEqual([
      'log-agent-5598r ip-10-0-3-9.eu-west-1.compute.internal',
      'log-agent-8f5jb ip-10-0-2-41.eu-west-1.compute.internal',
      'log-agent-jzh5g ip-10-0-1-17.eu-west-1.compute.internal',
      'node-exporter-g8xbj ip-10-0-3-9.eu-west-1.compute.internal',
      'node-exporter-qrdvn ip-10-0-1-17.eu-west-1.compute.internal',
    ]);
    const exporter = pods(result, 'node-exporter-g8xbj')[0]!;
    expect(exporter.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(exporter.spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchFields: [
                { key: 'metadata.name', operator: 'In', values: ['ip-10-0-3-9.eu-west-1.compute.internal'] },
              ],
            },
          ],
        },
      },
    });
    expect(exporter.metadata.labels).toEqual({
      app: 'node-exporter',
      'controller-revision-hash': '7cfb66fdfb',
      'pod-template-generation': '1',
    });
    // Without host networking, no network-unavailable toleration; the pod's own comes first.
    expect((pods(result, 'log-agent-')[0]!.spec.tolerations as Array<{ key: string }>).map((t) => t.key)).toEqual([
      'dedicated',
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/disk-pressure',
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/pid-pressure',
      'node.kubernetes.io/unschedulable',
    ]);
    expect(result.findings.map(brief)).toEqual([
      "fixtures/plan/daemonsets/daemonsets.yaml:40:7 error daemonset-no-nodes DaemonSet monitoring/gpu-driver runs on no node: 1 node had untolerated taint {dedicated: batch}, 2 nodes didn't match the DaemonSet's node affinity/selector",
    ]);
  });
});

describe('PriorityClass', () => {
  it('gives pods the value of their class, the globalDefault class when they name none, and refuses a missing one', async () => {
    const result = await plan(['fixtures/plan/priority']);
    expect(
      pods(result).map(
        (p) =>
          `${p.metadata.name.split('-')[0]} ${p.spec.priorityClassName} ${p.spec.priority} ${p.spec.preemptionPolicy}`,
      ),
    ).toEqual([
      'crawler best-effort -10 Never',
      'dns system-cluster-critical 2000000000 PreemptLowerPriority',
      'web business 1000 PreemptLowerPriority',
    ]);
    expect(result.findings.map(brief)).toEqual([
      'fixtures/plan/priority/priority.yaml:60:26 error pod-forbidden the API server refuses the pods of Deployment shop/reports: no PriorityClass with name batch-low was found',
    ]);
    expect(events(result, 'reports-676996c7fc')).toEqual([
      'Warning FailedCreate ReplicaSet/reports-676996c7fc: Error creating: pods "reports-676996c7fc-" is forbidden: no PriorityClass with name batch-low was found',
    ]);
  });
});
