/**
 * A deterministic synthetic cluster and workload for the scheduler benchmark: nodes in three zones
 * with a few sizes, some tainted (GPU and dedicated pools, PreferNoSchedule), and pods from
 * "deployments" of various shapes: plain, with a nodeSelector, tolerating a taint, spread over
 * zones, with hostname anti-affinity, preferring co-location, with a host port, needing a GPU.
 * Already running: low-priority batch pods on every node, holding every GPU, so GPU pods preempt.
 * The same pods also come owned by ReplicaSets and selected by Services (makeOwnedWorkload), which
 * gives them kube-scheduler's default topology spreading.
 */
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IService } from 'kubernetes-models/v1/Service';

/** A small linear congruential generator, so every run builds the same cluster. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function makeNodes(count: number): INode[] {
  const random = rng(42);
  const sizes = [
    { cpu: '8', memory: '32Gi' },
    { cpu: '16', memory: '64Gi' },
    { cpu: '32', memory: '128Gi' },
  ];
  return Array.from({ length: count }, (_, i) => {
    const name = `node-${String(i).padStart(5, '0')}`;
    const size = sizes[Math.floor(random() * sizes.length)]!;
    const zone = `zone-${i % 3}`;
    const gpu = i % 50 === 0;
    const dedicated = i % 20 === 1;
    const taints = [
      ...(gpu ? [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] : []),
      ...(dedicated ? [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] : []),
      ...(i % 10 === 2 ? [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] : []),
    ];
    return {
      metadata: {
        name,
        labels: {
          'kubernetes.io/hostname': name,
          'topology.kubernetes.io/zone': zone,
          'node.kubernetes.io/instance-type': `m-${size.cpu}`,
          ...(gpu ? { accelerator: 'gpu' } : {}),
          ...(dedicated ? { pool: 'batch' } : {}),
        },
      },
      spec: taints.length > 0 ? { taints } : {},
      status: {
        capacity: { cpu: size.cpu, memory: size.memory, pods: '110', ...(gpu ? { 'nvidia.com/gpu': '4' } : {}) },
        allocatable: {
          cpu: `${Number(size.cpu) * 1000 - 100}m`,
          memory: size.memory,
          pods: '110',
          'ephemeral-storage': '100Gi',
          ...(gpu ? { 'nvidia.com/gpu': '4' } : {}),
        },
      },
    } as unknown as INode;
  });
}

type Kind = 'plain' | 'selector' | 'batch' | 'spread' | 'anti' | 'colocate' | 'gpu' | 'hostport';

const KINDS: Kind[] = [
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'selector',
  'batch',
  'spread',
  'spread',
  'anti',
  'colocate',
  'gpu',
  'hostport',
];

function podSpec(kind: Kind, app: string, cpu: string, memory: string): IPod['spec'] {
  const container: Record<string, unknown> = {
    name: 'main',
    image: `registry.example/${app}:1.0`,
    resources: { requests: { cpu, memory }, ...(kind === 'gpu' ? { limits: { 'nvidia.com/gpu': '1' } } : {}) },
    ...(kind === 'hostport' ? { ports: [{ containerPort: 9100, hostPort: 9100, protocol: 'TCP' }] } : {}),
  };
  const spec: NonNullable<IPod['spec']> = { containers: [container as never] };
  const selector = { matchLabels: { app } };
  switch (kind) {
    case 'selector':
      spec.nodeSelector = { 'node.kubernetes.io/instance-type': 'm-16' };
      break;
    case 'batch':
      spec.nodeSelector = { pool: 'batch' };
      spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }];
      break;
    case 'spread':
      spec.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: selector,
        },
        {
          maxSkew: 2,
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: selector,
        },
      ];
      break;
    case 'anti':
      spec.affinity = {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { topologyKey: 'kubernetes.io/hostname', labelSelector: selector },
          ],
        },
      };
      break;
    case 'colocate':
      spec.affinity = {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 50, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: selector } },
          ],
        },
      };
      break;
    case 'gpu':
      spec.tolerations = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
      break;
    default:
      break;
  }
  return spec;
}

interface Deployment {
  app: string;
  namespace: string;
  spec: IPod['spec'];
  /** How many of its pods are in the workload. */
  pods: number;
}

/** Deployments of 10 to 50 replicas each, until `count` pods; the last one may be cut short. */
function deployments(count: number): Deployment[] {
  const random = rng(7);
  const out: Deployment[] = [];
  const cpus = ['100m', '250m', '500m', '1'];
  const memories = ['128Mi', '256Mi', '512Mi', '1Gi', '2Gi'];
  for (let d = 0, total = 0; total < count; d++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)]!;
    const app = `app-${d}`;
    const replicas = 10 + Math.floor(random() * 41);
    const cpu = cpus[Math.floor(random() * cpus.length)]!;
    const memory = memories[Math.floor(random() * memories.length)]!;
    const pods = Math.min(replicas, count - total);
    out.push({ app, namespace: `team-${d % 7}`, spec: podSpec(kind, app, cpu, memory), pods });
    total += pods;
  }
  return out;
}

/** `count` pods from deployments of 10 to 50 replicas each, in creation order; no owners, no Services. */
export function makePods(count: number): IPod[] {
  return deployments(count).flatMap(({ app, namespace, spec, pods }) =>
    Array.from(
      { length: pods },
      (_, r) =>
        ({
          metadata: { name: `${app}-${r}`, namespace, labels: { app } },
          spec: structuredClone(spec),
        }) as unknown as IPod,
    ),
  );
}

/** The pods of makePods as the deployment controller creates them, with the objects that own and select them. */
export interface OwnedWorkload {
  pods: IPod[];
  replicaSets: IReplicaSet[];
  services: IService[];
}

/**
 * The same pods, each owned by its deployment's ReplicaSet (`<app>-<hash>`, a controller owner
 * reference, the pod-template-hash label) and selected by a Service of the app: every pod without
 * topologySpreadConstraints then gets kube-scheduler's default topology spreading, as in a real
 * cluster.
 */
export function makeOwnedWorkload(count: number): OwnedWorkload {
  const out: OwnedWorkload = { pods: [], replicaSets: [], services: [] };
  for (const { app, namespace, spec, pods } of deployments(count)) {
    const hash = `h${app.slice(4)}`;
    const rs = `${app}-${hash}`;
    const labels = { app, 'pod-template-hash': hash };
    out.replicaSets.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: rs, namespace, labels },
      spec: { replicas: pods, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
    } as unknown as IReplicaSet);
    out.services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app, namespace },
      spec: { selector: { app } },
    } as unknown as IService);
    for (let r = 0; r < pods; r++) {
      out.pods.push({
        metadata: {
          name: `${rs}-${r}`,
          namespace,
          labels,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs,
              uid: `uid-${rs}`,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: structuredClone(spec),
      } as unknown as IPod);
    }
  }
  return out;
}

/** Three low-priority pods on each node; on GPU nodes one of them holds all four GPUs. */
export function makeBoundPods(nodes: readonly INode[]): IPod[] {
  const pods: IPod[] = [];
  for (const node of nodes) {
    const name = node.metadata!.name!;
    const gpu = node.status?.capacity?.['nvidia.com/gpu'] !== undefined;
    for (let i = 0; i < 3; i++) {
      const holdsGpus = gpu && i === 0;
      pods.push({
        metadata: { name: `batch-${name}-${i}`, namespace: 'batch', labels: { app: 'batch' } },
        spec: {
          nodeName: name,
          priority: -100,
          tolerations: [{ operator: 'Exists' }],
          containers: [
            {
              name: 'work',
              image: 'registry.example/batch:1.0',
              resources: { requests: { cpu: '500m', memory: '1Gi', ...(holdsGpus ? { 'nvidia.com/gpu': '4' } : {}) } },
            },
          ],
        },
        status: { startTime: `2024-01-01T00:00:${String(i).padStart(2, '0')}Z` },
      } as unknown as IPod);
    }
  }
  return pods;
}
