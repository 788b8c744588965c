import type { Finding } from '../../model/finding.js';
import type { ObjectRef } from '../../model/object-ref.js';
import type { RollingParameters, RolloutStep } from '../../simulate/controllers/rollout.js';

/** How a workload's pods are replaced when its template changes. */
export interface Rollout {
  strategy: 'RollingUpdate' | 'Recreate' | 'OnDelete';
  /** RollingUpdate of a Deployment: the resolved maxSurge / maxUnavailable and each scale step, in order. */
  parameters?: RollingParameters;
  steps?: RolloutStep[];
  /** StatefulSet RollingUpdate: the pods replaced one at a time, in order (highest ordinal first, down to the partition). */
  order?: string[];
  /** StatefulSet RollingUpdate: pods below this ordinal keep the old template. */
  partition?: number;
  /** DaemonSet RollingUpdate with maxSurge 0: nodes whose old pod stops before the new one starts, at a time. */
  maxUnavailable?: number;
  /** DaemonSet RollingUpdate with maxSurge: nodes where a new pod starts beside the old one, at a time. */
  maxSurge?: number;
  /** DaemonSet RollingUpdate: nodes that end up running the new template. */
  updatedNodes?: number;
  /** Whether every pod ends up on the new template. */
  complete: boolean;
}

/** What happens to one workload's pods. */
export interface WorkloadConsequence {
  ref: ObjectRef;
  /** `rollout`: the pod template changed, pods are replaced; `scale`: only the number of pods changes. */
  change: 'create' | 'rollout' | 'scale' | 'delete';
  /** Pods running now. */
  podsBefore: number;
  /** Pods wanted afterwards. */
  podsAfter: number;
  rollout?: Rollout;
  /** Pods of the new state that no node can take, with the scheduler's message. */
  unschedulable?: { pods: number; message: string };
  /** A CronJob whose job template changed: when its next Job, the first on the new template, starts (RFC 3339). */
  nextRun?: string;
}

/** A Service whose number of ready endpoints changes. */
export interface EndpointChange {
  service: ObjectRef;
  before: number;
  after: number;
}

/** An Ingress route (host + path) whose target Service port changes, appears or goes. */
export interface RouteChange {
  ingress: ObjectRef;
  host: string;
  path: string;
  /** `frontend:80 (3 endpoints)`; absent when the route is new. */
  before?: string;
  /** Absent when the route goes away. */
  after?: string;
}

/** A workload with running pods that reads a changed ConfigMap or Secret, and how. */
export interface ConfigReader {
  workload: ObjectRef;
  /** Its pods running before the apply. */
  pods: number;
  /** Through environment variables (`env` valueFrom, `envFrom`): read at start only. */
  env: boolean;
  /** Through a volume mounted with `subPath`: never updated in a running pod. */
  subPath: boolean;
  /** Volumes the kubelet updates in place in the running pods. */
  volumes: string[];
}

/** A ConfigMap or Secret whose values change, and the running workloads that read the changed keys without being replaced. */
export interface ConfigChange {
  config: ObjectRef;
  /** The changed keys (names only, never values). */
  keys: string[];
  readers: ConfigReader[];
}

export interface Consequences {
  workloads: WorkloadConsequence[];
  /** Changed ConfigMaps and Secrets read by running pods that the apply does not replace. */
  configs: ConfigChange[];
  endpoints: EndpointChange[];
  routes: RouteChange[];
  /** Stalled rollouts, config changes running pods miss, Services losing every endpoint, routes that lose their target: phase `diff`. */
  findings: Finding[];
}
