/**
 * Scheduling cases for the differential test (scheduling.test.ts): a small cluster (1–8 nodes),
 * pods bound to it, and one pod to place, as compact descriptions that fast-check generates and
 * shrinks, then built into Kubernetes objects for both kubeplan and the oracle.
 */
import fc from 'fast-check';

type Json = Record<string, unknown>;

const ZONES = ['z1', 'z2', 'z3'] as const;
const APPS = ['a', 'b', 'c'] as const;
const TOPOLOGY_KEYS = ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'] as const;
const IMAGE = 'registry.example/app:1';
const MiB = 1024 * 1024;

export const TAINTS = [
  { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
  { key: 'spot', effect: 'PreferNoSchedule' },
  { key: 'maintenance', value: 'true', effect: 'NoExecute' },
  { key: 'slow', value: 'yes', effect: 'PreferNoSchedule' },
] as const;

export const TOLERATIONS = [
  { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
  { key: 'spot', operator: 'Exists' },
  { key: 'maintenance', operator: 'Exists', effect: 'NoExecute' },
  { key: 'slow', operator: 'Equal', value: 'yes', effect: 'PreferNoSchedule' },
  { operator: 'Exists' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
] as const;

export interface NodeCase {
  cpu: string;
  memory: string;
  pods: string;
  ephemeral?: string;
  gpu?: string;
  zone?: string;
  disk?: string;
  taints: number[];
  unschedulable: boolean;
  /** MiB of the pods' image on this node (ImageLocality), when it has it. */
  imageMiB?: number;
}

export interface BoundCase {
  node: number;
  app: string;
  cpu?: string;
  memory?: string;
  priority: number;
  hostPort?: number;
  /** Required anti-affinity to its own app on this topology key. */
  antiAffinity?: string;
  /** Runs in the namespace `other` (labels team=b) instead of `default` (team=a). */
  other: boolean;
  /** Its pod-template-hash label. */
  hash: string;
  /** Required affinity to an app on a topology key (scores the pods it selects, weight 1). */
  requiredAffinity?: { app: string; key: string };
  /** Preferred affinity (positive weight) or anti-affinity (negative) to an app. */
  preferred?: { app: string; key: string; weight: number };
  terminating: boolean;
  /** Finished pods hold nothing: kube-scheduler never sees them. */
  phase: string;
}

export interface ContainerCase {
  cpu?: string;
  memory?: string;
  limitCpu?: string;
  limitMemory?: string;
  gpu?: string;
  ephemeral?: string;
}

export interface PendingCase {
  app: string;
  containers: ContainerCase[];
  init?: ContainerCase & { sidecar: boolean };
  overhead?: { cpu: string; memory: string };
  nodeSelector?: Record<string, string>;
  required?: Json[];
  preferred: Array<{ weight: number; expression: Json }>;
  affinity?: {
    required: boolean;
    anti: boolean;
    app: string;
    key: string;
    weight: number;
    /** The namespaces the term sees: its own (unset), `other`, those with team=b, or all. */
    scope?: 'listed' | 'selector' | 'all';
  };
  spread: Array<{
    maxSkew: number;
    key: string;
    hard: boolean;
    app: string;
    minDomains?: number;
    nodeAffinityPolicy?: string;
    nodeTaintsPolicy?: string;
    /** matchLabelKeys: [pod-template-hash], merged into the selector as the API server does. */
    byHash: boolean;
  }>;
  /** Pod-level requests (spec.resources). */
  podLevel?: { cpu?: string; memory?: string };
  tolerations: number[];
  hostPort?: number;
  priority: number;
  never: boolean;
  image: boolean;
}

export interface SchedulingCase {
  nodes: NodeCase[];
  bound: BoundCase[];
  pending: PendingCase;
  /** How many pods of the pending pod's template to place, one after the other (a ReplicaSet's). */
  copies: number;
  /** Pods of other templates placed in the same call (after the copies, unless their priority is higher). */
  others: PendingCase[];
  /** A Service selecting this app (system-default spreading), if any. */
  service?: string;
  /** The app whose pods a ReplicaSet owns (system-default spreading by controller), if any. */
  replicaSet?: string;
}

/** `arb` one time in `k`, else undefined (what shrinking goes to). */
const sometimes = <T>(arb: fc.Arbitrary<T>, k: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: k - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** One of `usual` nine times in ten, else one of `unusual`. */
const mostly = (usual: string[], unusual: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...unusual) });
/** `arb` two times in three. */
const often = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: arb });
const rarely = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const nodeCase: fc.Arbitrary<NodeCase> = fc.record({
  cpu: fc.constantFrom('500m', '1', '2', '4', '8', '3500m'),
  memory: fc.constantFrom('1Gi', '2Gi', '4Gi', '8Gi', '16Gi', '1500Mi'),
  pods: mostly(['110'], ['1', '4']),
  ephemeral: sometimes(fc.constantFrom('1Gi', '10Gi'), 2),
  gpu: sometimes(fc.constantFrom('0', '1', '2'), 3),
  zone: often(fc.constantFrom(...ZONES)),
  disk: sometimes(fc.constantFrom('ssd', 'hdd'), 2),
  taints: sometimes(fc.subarray([0, 1, 2, 3], { minLength: 1, maxLength: 2 }), 3).map((t) => t ?? []),
  unschedulable: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  imageMiB: sometimes(fc.constantFrom(10, 300, 900), 3),
});

const boundCase: fc.Arbitrary<BoundCase> = fc.record({
  node: fc.nat(7),
  app: fc.constantFrom(...APPS),
  cpu: often(mostly(['0', '100m', '250m', '500m'], ['1', '2'])),
  memory: often(mostly(['0', '128Mi', '512Mi'], ['1Gi', '3Gi'])),
  priority: fc.constantFrom(0, 10, 100, 1000),
  hostPort: sometimes(fc.constantFrom(8080, 9090), 5),
  antiAffinity: sometimes(fc.constantFrom(...TOPOLOGY_KEYS), 6),
  requiredAffinity: sometimes(fc.record({ app: fc.constantFrom(...APPS), key: fc.constantFrom(...TOPOLOGY_KEYS) }), 8),
  other: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  hash: fc.constantFrom('h1', 'h2'),
  preferred: sometimes(
    fc.record({
      app: fc.constantFrom(...APPS),
      key: fc.constantFrom(...TOPOLOGY_KEYS),
      weight: fc.constantFrom(-50, -1, 1, 20, 100),
    }),
    6,
  ),
  phase: mostly(['Running'], ['Succeeded', 'Failed', 'Pending']),
  terminating: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const containerCase: fc.Arbitrary<ContainerCase> = fc.record({
  cpu: often(mostly(['0', '100m', '250m', '500m', '1'], ['1500m', '3', '5'])),
  memory: often(mostly(['0', '64Mi', '256Mi', '512Mi', '1Gi'], ['2Gi', '10Gi'])),
  limitCpu: sometimes(fc.constantFrom('1', '2'), 4),
  limitMemory: sometimes(fc.constantFrom('1Gi', '4Gi'), 4),
  gpu: sometimes(fc.constantFrom('1', '2', '3'), 8),
  ephemeral: sometimes(fc.constantFrom('500Mi', '2Gi', '20Gi'), 8),
});

const expression: fc.Arbitrary<Json> = fc.oneof(
  fc.record({
    key: fc.constant('topology.kubernetes.io/zone'),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.subarray([...ZONES], { minLength: 1 }),
  }),
  fc.record({ key: fc.constant('disk'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  fc.record({
    key: fc.constant('disk'),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.constantFrom(['ssd'], ['hdd']),
  }),
);

/** A required node selector term: match expressions, or matchFields on the node's name. */
const requiredTerm: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.array(expression, { minLength: 1, maxLength: 2 }).map((e) => ({ matchExpressions: e })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ operator: fc.constantFrom('In', 'NotIn'), node: fc.nat(7) })
      .map(({ operator, node }) => ({ matchFields: [{ key: 'metadata.name', operator, values: [`n${node}`] }] })),
  },
);

const pendingCase: fc.Arbitrary<PendingCase> = fc.record({
  app: fc.constantFrom(...APPS),
  containers: fc.array(containerCase, { minLength: 1, maxLength: 2 }),
  init: sometimes(
    fc.record({
      sidecar: fc.boolean(),
      cpu: mostly(['100m', '500m'], ['2', '6']),
      memory: mostly(['64Mi'], ['3Gi']),
    }),
    4,
  ),
  overhead: sometimes(fc.record({ cpu: fc.constantFrom('100m', '1'), memory: fc.constantFrom('64Mi', '1Gi') }), 5),
  podLevel: sometimes(
    fc.record({ cpu: often(fc.constantFrom('500m', '1', '2')), memory: often(fc.constantFrom('256Mi', '1Gi', '4Gi')) }),
    8,
  ),
  nodeSelector: sometimes(
    fc.constantFrom<Record<string, string>>({ disk: 'ssd' }, { 'topology.kubernetes.io/zone': 'z1' }, { disk: 'hdd' }),
    4,
  ),
  required: sometimes(fc.array(requiredTerm, { minLength: 1, maxLength: 2 }), 5),
  preferred: fc.array(fc.record({ weight: fc.constantFrom(1, 10, 50, 100), expression }), { maxLength: 2 }),
  affinity: sometimes(
    fc.record({
      required: fc.boolean(),
      anti: fc.boolean(),
      app: fc.constantFrom(...APPS),
      key: fc.constantFrom(...TOPOLOGY_KEYS),
      weight: fc.constantFrom(1, 50, 100),
      scope: sometimes(fc.constantFrom<'listed' | 'selector' | 'all'>('listed', 'selector', 'all'), 2),
    }),
    2,
  ),
  spread: fc.array(
    fc.record({
      maxSkew: fc.constantFrom(1, 2, 3),
      key: fc.constantFrom(...TOPOLOGY_KEYS),
      hard: fc.boolean(),
      app: fc.constantFrom(...APPS),
      minDomains: sometimes(fc.constantFrom(2, 3, 4), 4),
      nodeAffinityPolicy: sometimes(fc.constantFrom('Honor', 'Ignore'), 4),
      nodeTaintsPolicy: sometimes(fc.constantFrom('Honor', 'Ignore'), 4),
      byHash: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
    { maxLength: 2 },
  ),
  tolerations: sometimes(fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1, maxLength: 3 }), 2).map((t) =>
    (t ?? []).filter((i) => i !== 4 || t!.length === 1),
  ),
  hostPort: sometimes(fc.constantFrom(8080, 9090), 4),
  priority: fc.constantFrom(0, 10, 100, 1000, 5000),
  never: rarely,
  image: fc.boolean(),
});

export const schedulingCase: fc.Arbitrary<SchedulingCase> = fc
  .record({
    nodes: fc.array(nodeCase, { minLength: 1, maxLength: 8 }),
    bound: fc.array(boundCase, { maxLength: 10 }),
    pending: pendingCase,
    copies: fc.oneof(
      { weight: 3, arbitrary: fc.constant(1) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) },
    ),
    others: fc.oneof(
      { weight: 4, arbitrary: fc.constant<PendingCase[]>([]) },
      { weight: 1, arbitrary: fc.array(pendingCase, { minLength: 1, maxLength: 2 }) },
    ),
    service: sometimes(fc.constantFrom(...APPS), 3),
    replicaSet: sometimes(fc.constantFrom(...APPS), 3),
  })
  .map((c) => ({ ...c, bound: c.bound.filter((b) => b.node < c.nodes.length) }));

function resources(c: ContainerCase): Json {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (c.cpu !== undefined) requests.cpu = c.cpu;
  if (c.memory !== undefined) requests.memory = c.memory;
  if (c.ephemeral !== undefined) requests['ephemeral-storage'] = c.ephemeral;
  if (c.limitCpu !== undefined) limits.cpu = c.limitCpu;
  if (c.limitMemory !== undefined) limits.memory = c.limitMemory;
  // Extended resources: requests equal to limits, as the API server requires.
  if (c.gpu !== undefined) requests['example.com/gpu'] = limits['example.com/gpu'] = c.gpu;
  const out: Json = {};
  if (Object.keys(requests).length) out.requests = requests;
  if (Object.keys(limits).length) out.limits = limits;
  return out;
}

function container(name: string, c: ContainerCase, image: string, hostPort?: number): Json {
  return {
    name,
    image,
    resources: resources(c),
    ...(hostPort ? { ports: [{ containerPort: hostPort, hostPort }] } : {}),
  };
}

const selectorOf = (app: string) => ({ matchLabels: { app } });

export interface BuiltCase {
  nodes: Json[];
  bound: Json[];
  /** The pods to place, in creation order. */
  pending: Json[];
  services: Json[];
  replicaSets: Json[];
  namespaces: Json[];
}

export function buildCase(c: SchedulingCase): BuiltCase {
  const nodes = c.nodes.map((n, i) => {
    const name = `n${i}`;
    const allocatable: Record<string, string> = { cpu: n.cpu, memory: n.memory, pods: n.pods };
    if (n.ephemeral) allocatable['ephemeral-storage'] = n.ephemeral;
    if (n.gpu) allocatable['example.com/gpu'] = n.gpu;
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
    if (n.zone) labels['topology.kubernetes.io/zone'] = n.zone;
    if (n.disk) labels.disk = n.disk;
    const spec: Json = {};
    if (n.taints.length) spec.taints = n.taints.map((t) => ({ ...TAINTS[t]! }));
    if (n.unschedulable) spec.unschedulable = true;
    const status: Json = { capacity: allocatable, allocatable };
    if (n.imageMiB) status.images = [{ names: [IMAGE], sizeBytes: n.imageMiB * MiB }];
    return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec, status };
  });
  // A node never runs two pods with the same host port (the kubelet refuses the second), and
  // kube-scheduler's record of a node's used ports is a set that such a pair would corrupt on removal.
  const portsInUse = new Set<string>();
  const bound = c.bound.map((b, i) => {
    const portKey = `${b.node}/${b.hostPort}`;
    const hostPort = b.hostPort !== undefined && !portsInUse.has(portKey) ? b.hostPort : undefined;
    if (hostPort !== undefined) portsInUse.add(portKey);
    const affinity: Json = {};
    if (b.antiAffinity)
      affinity.podAntiAffinity = {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: selectorOf(b.app), topologyKey: b.antiAffinity },
        ],
      };
    if (b.requiredAffinity)
      affinity.podAffinity = {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: selectorOf(b.requiredAffinity.app), topologyKey: b.requiredAffinity.key },
        ],
      };
    if (b.preferred) {
      const term = {
        weight: Math.abs(b.preferred.weight),
        podAffinityTerm: { labelSelector: selectorOf(b.preferred.app), topologyKey: b.preferred.key },
      };
      const kind = b.preferred.weight > 0 ? 'podAffinity' : 'podAntiAffinity';
      affinity[kind] = { ...(affinity[kind] as Json), preferredDuringSchedulingIgnoredDuringExecution: [term] };
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `bound-${i}`,
        namespace: b.other ? 'other' : 'default',
        uid: `uid-bound-${i}`,
        labels: { app: b.app, 'pod-template-hash': b.hash },
        ...(c.replicaSet === b.app && !b.other ? { ownerReferences: ownedBy(c.replicaSet) } : {}),
        ...(b.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      },
      spec: {
        nodeName: `n${b.node}`,
        priority: b.priority,
        containers: [container('c', { cpu: b.cpu, memory: b.memory }, 'other:1', hostPort)],
        ...(Object.keys(affinity).length ? { affinity } : {}),
      },
      status: { phase: b.phase, startTime: `2026-01-01T00:${String(10 + i).padStart(2, '0')}:00Z` },
    };
  });
  const pending = [
    ...pendingPods(c, c.pending, 'pending', c.copies),
    ...c.others.flatMap((o, i) => pendingPods(c, o, `other${i}`, 1)),
  ];
  const services = c.service
    ? [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: `svc-${c.service}`, namespace: 'default' },
          spec: { selector: { app: c.service }, ports: [{ port: 80 }] },
        },
      ]
    : [];
  const replicaSets = c.replicaSet
    ? [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: `rs-${c.replicaSet}`, namespace: 'default', uid: `uid-rs-${c.replicaSet}` },
          spec: {
            selector: selectorOf(c.replicaSet),
            template: {
              metadata: { labels: { app: c.replicaSet } },
              spec: { containers: [{ name: 'c', image: 'x' }] },
            },
          },
        },
      ]
    : [];
  const namespaces = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { team: 'a' } } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', labels: { team: 'b' } } },
  ];
  return { nodes, bound, pending, services, replicaSets, namespaces };
}

/** `count` pods of the template `p`, named `<prefix>-<k>`. */
function pendingPods(c: SchedulingCase, p: PendingCase, prefix: string, count: number): Json[] {
  const image = p.image ? IMAGE : 'other:1';
  const affinity: Json = {};
  const nodeAffinity: Json = {};
  if (p.required) nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: p.required };
  if (p.preferred.length)
    nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = p.preferred.map((t) => ({
      weight: t.weight,
      preference: { matchExpressions: [t.expression] },
    }));
  if (Object.keys(nodeAffinity).length) affinity.nodeAffinity = nodeAffinity;
  if (p.affinity) {
    const scope = p.affinity.scope;
    const term = {
      labelSelector: selectorOf(p.affinity.app),
      topologyKey: p.affinity.key,
      ...(scope === 'listed' ? { namespaces: ['other'] } : {}),
      ...(scope === 'selector' ? { namespaceSelector: { matchLabels: { team: 'b' } } } : {}),
      ...(scope === 'all' ? { namespaceSelector: {} } : {}),
    };
    affinity[p.affinity.anti ? 'podAntiAffinity' : 'podAffinity'] = p.affinity.required
      ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
      : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: p.affinity.weight, podAffinityTerm: term }] };
  }
  const initContainers = p.init
    ? [
        {
          ...container('init', p.init, image),
          ...(p.init.sidecar ? { restartPolicy: 'Always' } : {}),
        },
      ]
    : undefined;
  const podNamed = (k: number) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${prefix}-${k}`,
      namespace: 'default',
      uid: `uid-${prefix}-${k}`,
      labels: { app: p.app, 'pod-template-hash': 'h1' },
      ...(c.replicaSet === p.app ? { ownerReferences: ownedBy(c.replicaSet) } : {}),
    },
    spec: {
      priority: p.priority,
      ...(p.never ? { preemptionPolicy: 'Never' } : {}),
      ...(initContainers ? { initContainers } : {}),
      containers: p.containers.map((cc, i) => container(`c${i}`, cc, image, i === 0 ? p.hostPort : undefined)),
      ...(p.overhead ? { overhead: p.overhead } : {}),
      ...(p.podLevel ? { resources: { requests: p.podLevel } } : {}),
      ...(p.nodeSelector ? { nodeSelector: p.nodeSelector } : {}),
      ...(Object.keys(affinity).length ? { affinity } : {}),
      ...(p.spread.length
        ? {
            topologySpreadConstraints: p.spread.map((s) => ({
              maxSkew: s.maxSkew,
              topologyKey: s.key,
              whenUnsatisfiable: s.hard ? 'DoNotSchedule' : 'ScheduleAnyway',
              // The API server adds matchLabelKeys' requirements to the selector when it creates the pod.
              labelSelector: s.byHash
                ? {
                    ...selectorOf(s.app),
                    matchExpressions: [{ key: 'pod-template-hash', operator: 'In', values: ['h1'] }],
                  }
                : selectorOf(s.app),
              ...(s.byHash ? { matchLabelKeys: ['pod-template-hash'] } : {}),
              ...(s.minDomains !== undefined && s.hard ? { minDomains: s.minDomains } : {}),
              ...(s.nodeAffinityPolicy ? { nodeAffinityPolicy: s.nodeAffinityPolicy } : {}),
              ...(s.nodeTaintsPolicy ? { nodeTaintsPolicy: s.nodeTaintsPolicy } : {}),
            })),
          }
        : {}),
      ...(p.tolerations.length ? { tolerations: p.tolerations.map((t) => ({ ...TOLERATIONS[t]! })) } : {}),
    },
  });
  return Array.from({ length: count }, (_, k) => podNamed(k));
}

function ownedBy(app: string): Json[] {
  return [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${app}`, uid: `uid-rs-${app}`, controller: true }];
}
