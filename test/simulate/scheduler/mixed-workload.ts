/**
 * A realistic mixed workload for checking that the scheduler's caches and incremental counts change
 * no outcome. The benchmark's cluster and ReplicaSet-owned pods (Services select them, so default
 * topology spreading applies), plus groups that take the other paths: StatefulSet and
 * ReplicationController owners, owners that are not in the input or not of a spreading kind, a
 * Service selecting pods of several owners, a Service without a selector, explicit soft and hard
 * spreading (matchLabelKeys, minDomains, inclusion policies, a topology key no node has), host ports, required
 * and preferred inter-pod affinity and its symmetry, higher priorities that preempt, pods already
 * bound and terminating ones; nodes without a zone, with an empty zone, in a tainted zone,
 * cordoned, with room for few pods.
 */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { makeBoundPods, makeNodes, makeOwnedWorkload } from '../../../bench/scheduler/synthetic.js';
import type { SchedulingInput } from '../../../src/simulate/scheduler/index.js';
import { node, pod } from './builders.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOSTNAME = 'kubernetes.io/hostname';
const small = { cpu: '250m', memory: '256Mi' };

type Owner = { apiVersion: string; kind: string; name: string };

function owned(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  owner: Owner | undefined,
  spec: Record<string, unknown> = {},
  priority?: number,
): IPod {
  const p = pod(name, { namespace, labels, requests: [small], spec, priority });
  if (owner)
    (p.metadata as Record<string, unknown>).ownerReferences = [
      { ...owner, uid: `uid-${owner.name}`, controller: true },
    ];
  return p;
}

/** `count` pods named `<prefix>-<i>`, alike but for their names. */
function group(count: number, prefix: string, make: (name: string) => IPod): IPod[] {
  return Array.from({ length: count }, (_, i) => make(`${prefix}-${i}`));
}

function extraNodes(): INode[] {
  const alloc = { cpu: '8', memory: '32Gi', pods: '110' };
  return [
    // Hostname spreading only: the system defaults still score these; explicit constraints ignore them.
    node('edge-0', { allocatable: alloc }),
    node('edge-1', { allocatable: alloc, taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] }),
    // An empty zone value is a domain of its own, which also collects the nodes without a zone.
    node('odd-zone', { allocatable: alloc, labels: { [ZONE]: '' } }),
    // A fourth zone that only tolerating pods can use (nodeTaintsPolicy: Honor leaves it out).
    node('zone-d-0', {
      allocatable: alloc,
      labels: { [ZONE]: 'zone-d' },
      taints: [{ key: 'maintenance', effect: 'NoSchedule' }],
    }),
    node('zone-d-1', {
      allocatable: alloc,
      labels: { [ZONE]: 'zone-d' },
      taints: [{ key: 'maintenance', effect: 'NoSchedule' }],
    }),
    node('cordoned', { allocatable: alloc, labels: { [ZONE]: 'zone-0' }, unschedulable: true }),
    node('tiny', { allocatable: { cpu: '8', memory: '16Gi', pods: '4' }, labels: { [ZONE]: 'zone-1' } }),
  ];
}

const zoneSpread = (when: string, labelSelector: unknown, extra: Record<string, unknown> = {}) => ({
  maxSkew: 1,
  topologyKey: ZONE,
  whenUnsatisfiable: when,
  labelSelector,
  ...extra,
});

/** Pods of the extra groups, in the order they are inserted into the synthetic ones. */
function extraGroups(): IPod[][] {
  const rs = (name: string): Owner => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name });
  const sts: Owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' };
  const rc: Owner = { apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy' };
  const tolerateMaintenance = { tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoSchedule' }] };
  return [
    group(8, 'db', (n) => owned(n, 'team-0', { app: 'db', tier: 'data' }, sts)),
    group(6, 'legacy', (n) => owned(n, 'team-1', { app: 'legacy' }, rc)),
    // Two ReplicaSets that one Service ("frontend") selects together, each with its own Service too.
    group(7, 'web-a', (n) =>
      owned(n, 'team-2', { app: 'web-a', tier: 'frontend', 'pod-template-hash': 'a1' }, rs('web-a-a1')),
    ),
    group(7, 'web-b', (n) =>
      owned(n, 'team-2', { app: 'web-b', tier: 'frontend', 'pod-template-hash': 'b1' }, rs('web-b-b1')),
    ),
    // An owner that is not in the input: only the Service's selector is left.
    group(5, 'ghost', (n) => owned(n, 'team-3', { app: 'ghost' }, rs('ghost-1'))),
    // Neither a known owner nor a Service: no default spreading.
    group(5, 'orphan', (n) => owned(n, 'team-3', { app: 'orphan' }, rs('orphan-1'))),
    // Owners of kinds (or groups) default spreading does not read.
    group(4, 'old-api', (n) =>
      owned(
        n,
        'team-4',
        { app: 'old-api' },
        { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', name: 'old-api-1' },
      ),
    ),
    group(4, 'job', (n) => owned(n, 'team-4', { app: 'job' }, { apiVersion: 'batch/v1', kind: 'Job', name: 'job' })),
    // A ReplicaSet whose selector has a matchExpression with several values (not indexable by one label).
    group(9, 'expr', (n) => owned(n, 'team-5', { app: 'expr', track: 'stable' }, rs('expr-1'))),
    // Soft zone spreading narrowed by matchLabelKeys, ignoring the node selector.
    group(12, 'soft', (n) =>
      owned(n, 'team-6', { app: 'soft', 'pod-template-hash': 's1' }, rs('soft-s1'), {
        nodeSelector: { 'node.kubernetes.io/instance-type': 'm-16' },
        topologySpreadConstraints: [
          zoneSpread(
            'ScheduleAnyway',
            { matchLabels: { app: 'soft' } },
            { matchLabelKeys: ['pod-template-hash'], nodeAffinityPolicy: 'Ignore' },
          ),
        ],
      }),
    ),
    // Hard zone spreading over four zones that honours taints, with minDomains; tolerates the fourth zone.
    group(14, 'hard', (n) =>
      owned(n, 'team-6', { app: 'hard' }, rs('hard-1'), {
        ...tolerateMaintenance,
        topologySpreadConstraints: [
          zoneSpread('DoNotSchedule', { matchLabels: { app: 'hard' } }, { minDomains: 5, nodeTaintsPolicy: 'Honor' }),
        ],
      }),
    ),
    // Hard hostname spreading with soft zone spreading, preferring a zone.
    group(10, 'mixed', (n) =>
      owned(n, 'team-1', { app: 'mixed' }, rs('mixed-1'), {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 30, preference: { matchExpressions: [{ key: ZONE, operator: 'In', values: ['zone-1'] }] } },
            ],
          },
        },
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: HOSTNAME,
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'mixed' } },
          },
          zoneSpread('ScheduleAnyway', { matchLabels: { app: 'mixed' } }, { maxSkew: 2 }),
        ],
      }),
    ),
    // A topology key no node has: every node rejected as missing the label.
    group(2, 'rack', (n) =>
      owned(n, 'team-1', { app: 'rack' }, undefined, {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'example.com/rack',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'rack' } },
          },
        ],
      }),
    ),
    // Required affinity to the database's zone, and preferred anti-affinity to each other, with default spreading.
    group(10, 'cache', (n) =>
      owned(n, 'team-0', { app: 'cache' }, rs('cache-1'), {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: ZONE, labelSelector: { matchLabels: { app: 'db' } } },
            ],
          },
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 80,
                podAffinityTerm: { topologyKey: HOSTNAME, labelSelector: { matchLabels: { app: 'cache' } } },
              },
            ],
          },
        },
      }),
    ),
    // More pods wanting one host port than there are nodes.
    group(40, 'agent', (n) => {
      const p = owned(n, 'team-5', { app: 'agent' }, undefined);
      p.spec!.containers[0]!.ports = [{ containerPort: 9100, hostPort: 9100 }];
      return p;
    }),
    // Pods whose anti-affinity keeps others ("quiet") off their nodes (symmetry).
    group(6, 'guard', (n) =>
      owned(n, 'team-4', { app: 'guard' }, undefined, {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: HOSTNAME, labelSelector: { matchLabels: { app: 'quiet' } } },
            ],
          },
        },
      }),
    ),
    group(8, 'quiet', (n) => owned(n, 'team-4', { app: 'quiet' }, rs('quiet-1'))),
    // Important pods that take room from the batch pods when the cluster is full.
    group(12, 'critical', (n) => {
      const p = owned(n, 'team-2', { app: 'critical' }, rs('critical-1'), {}, 1000);
      (p.spec!.containers[0]!.resources as Record<string, unknown>).requests = { cpu: '3', memory: '4Gi' };
      return p;
    }),
    // Pods their author bound: they count for the pods after them.
    group(3, 'pinned', (n) =>
      owned(n, 'team-2', { app: 'web-a', tier: 'frontend', 'pod-template-hash': 'a1' }, rs('web-a-a1'), {
        nodeName: 'edge-0',
      }),
    ),
  ];
}

function ownersOfExtraGroups(): Pick<
  SchedulingInput,
  'services' | 'replicaSets' | 'statefulSets' | 'replicationControllers'
> {
  const meta = (name: string, namespace: string) => ({ name, namespace });
  const rs = (name: string, namespace: string, selector: unknown) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, namespace),
    spec: { selector },
  });
  const svc = (name: string, namespace: string, selector?: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, namespace),
    spec: selector ? { selector } : {},
  });
  return {
    services: [
      svc('db', 'team-0', { app: 'db' }),
      svc('frontend', 'team-2', { tier: 'frontend' }),
      svc('web-a', 'team-2', { app: 'web-a' }),
      svc('web-b', 'team-2', { app: 'web-b' }),
      svc('ghost', 'team-3', { app: 'ghost' }),
      svc('external', 'team-3'),
      svc('cache', 'team-0', { app: 'cache' }),
      svc('critical', 'team-2', { app: 'critical' }),
      // Same name in another namespace: selects nothing here.
      svc('db', 'team-5', { app: 'db' }),
    ],
    replicaSets: [
      rs('web-a-a1', 'team-2', { matchLabels: { app: 'web-a', 'pod-template-hash': 'a1' } }),
      rs('web-b-b1', 'team-2', { matchLabels: { app: 'web-b', 'pod-template-hash': 'b1' } }),
      rs('expr-1', 'team-5', { matchExpressions: [{ key: 'track', operator: 'In', values: ['stable', 'canary'] }] }),
      rs('soft-s1', 'team-6', { matchLabels: { app: 'soft' } }),
      rs('hard-1', 'team-6', { matchLabels: { app: 'hard' } }),
      rs('mixed-1', 'team-1', { matchLabels: { app: 'mixed' } }),
      rs('cache-1', 'team-0', { matchLabels: { app: 'cache' } }),
      rs('critical-1', 'team-2', { matchLabels: { app: 'critical' } }),
      rs('quiet-1', 'team-4', { matchLabels: { app: 'quiet' } }),
      rs('old-api-1', 'team-4', { matchLabels: { app: 'old-api' } }),
      // In another namespace than its pods: not their owner.
      rs('orphan-1', 'team-0', { matchLabels: { app: 'orphan' } }),
    ],
    statefulSets: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta('db', 'team-0'),
        spec: { selector: { matchLabels: { app: 'db' } } },
      },
    ],
    replicationControllers: [
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: meta('legacy', 'team-1'),
        spec: { selector: { app: 'legacy' } },
      },
    ],
  } as unknown as Pick<SchedulingInput, 'services' | 'replicaSets' | 'statefulSets' | 'replicationControllers'>;
}

/** Pods of some synthetic ReplicaSets already running, one of them being deleted (holds room, does not count for spreading). */
function runningReplicas(workload: IPod[], nodes: INode[]): IPod[] {
  const out: IPod[] = [];
  for (let i = 0; i < 12; i++) {
    const template = workload[i * 37]!;
    const p = structuredClone(template);
    p.metadata!.name = `${p.metadata!.name}-running`;
    p.spec!.nodeName = nodes[(i * 7) % nodes.length]!.metadata!.name!;
    if (i % 4 === 0) p.metadata!.deletionTimestamp = '2025-01-01T00:00:00Z';
    out.push(p);
  }
  return out;
}

/** `synthetic` pods of the benchmark's owned workload on `nodes` of its nodes, with the extra groups spread among them. */
export function mixedWorkload(nodes = 60, synthetic = 2000): SchedulingInput {
  const cluster = [...makeNodes(nodes), ...extraNodes()];
  const workload = makeOwnedWorkload(synthetic);
  const groups = extraGroups();
  const pending: IPod[] = [];
  const every = Math.ceil(workload.pods.length / groups.length);
  workload.pods.forEach((p, i) => {
    pending.push(p);
    if (i % every === every - 1) pending.push(...(groups.shift() ?? []));
  });
  for (const rest of groups) pending.push(...rest);
  const extra = ownersOfExtraGroups();
  const namespaces = Array.from({ length: 7 }, (_, i) => ({
    metadata: { name: `team-${i}`, labels: { team: String(i % 3) } },
  }));
  return {
    nodes: cluster,
    boundPods: [...makeBoundPods(cluster), ...runningReplicas(workload.pods, cluster)],
    pendingPods: pending,
    namespaces: namespaces as never,
    services: [...workload.services, ...extra.services!],
    replicaSets: [...workload.replicaSets, ...extra.replicaSets!],
    statefulSets: extra.statefulSets,
    replicationControllers: extra.replicationControllers,
  };
}
