/** Small builders for scheduler tests: nodes and pods as plain Kubernetes objects. */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { schedule, type SchedulingInput, type SchedulingOutcome } from '../../../src/simulate/scheduler/index.js';

type Resources = Record<string, string>;

export interface NodeOptions {
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  unschedulable?: boolean;
  /** Sets status.allocatable; `capacity` sets status.capacity only. */
  allocatable?: Resources;
  capacity?: Resources;
}

export function node(name: string, opts: NodeOptions = {}): INode {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      ...(opts.allocatable ? { allocatable: opts.allocatable } : {}),
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
    },
  } as unknown as INode;
}

export interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  /** One container per entry, each with these requests. */
  requests?: Resources[];
  nodeName?: string;
  priority?: number;
  spec?: Record<string, unknown>;
  startTime?: string;
}

export function pod(name: string, opts: PodOptions = {}): IPod {
  return {
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels ?? {} },
    spec: {
      containers: (opts.requests ?? []).map((requests, i) => ({ name: `c${i}`, image: 'x', resources: { requests } })),
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
      ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
      ...opts.spec,
    },
    ...(opts.startTime ? { status: { startTime: opts.startTime } } : {}),
  } as unknown as IPod;
}

export function run(
  nodes: INode[],
  pending: IPod[],
  bound: IPod[] = [],
  extra: Partial<SchedulingInput> = {},
): SchedulingOutcome[] {
  return schedule({ nodes, boundPods: bound, pendingPods: pending, ...extra });
}

/** One plugin's weighted score per node name (undefined for rejected nodes). */
export function pluginScores(outcome: SchedulingOutcome, plugin: string): Record<string, number | undefined> {
  return Object.fromEntries(outcome.verdicts.map((v) => [v.node, v.scores?.[plugin]]));
}

/** The rejecting plugin and its reasons per node name. */
export function rejections(outcome: SchedulingOutcome): Record<string, string> {
  return Object.fromEntries(
    outcome.verdicts.map((v) => [v.node, v.plugin ? `${v.plugin}: ${v.reasons.join('; ')}` : 'fits']),
  );
}
