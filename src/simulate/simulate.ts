import type { ClusterState } from '../model/cluster-state.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';
import { admitCurrent, admitDesired, type CurrentObjects, RECOMPUTED_KINDS } from './admit-objects.js';
import { cronJobSchedules, type CronJobRuns } from './controllers/cronjob.js';
import { reconcileDaemonSets } from './controllers/daemonset.js';
import { reconcileDeployments } from './controllers/deployment.js';
import { reconcileAutoscalers } from './controllers/hpa.js';
import { reconcileJobs } from './controllers/job.js';
import { reconcileReplicaSets } from './controllers/replicaset.js';
import { reconcileStatefulSets } from './controllers/statefulset.js';
import { revised, withSpec } from './controllers/workload.js';
import { endpointSlicesFor, hasSelector, servingEndpointCount } from './endpoints/endpoint-slices.js';
import { ingressRoutes, type IngressRoute } from './endpoints/ingress-routes.js';
import { AddressAllocator } from './objects/addresses.js';
import { copyJson } from '../model/copy-json.js';
import { PodIndex } from './objects/pod-index.js';
import { nodeNameOf } from './objects/pod-status.js';
import { reportPodsOnMissingNodes } from './problems/missing-nodes.js';
import { reportDisruptionBudget } from './problems/pdb.js';
import { reportIngressRoute, reportServiceWithoutEndpoints } from './problems/services.js';
import { reportUnschedulable } from './problems/unschedulable.js';
import { RefusedObjects } from './refused-objects.js';
import { newSchedulingMemory, scheduleCycle, type ScheduleFunction, type SchedulingMemory } from './scheduling-step.js';
import { sortObjects } from './sort-objects.js';
import { SimulationState, uidOf, type SimulationProblem } from './state.js';
import { writeWorkloadStatuses } from './workload-status.js';
import { objectAt } from '../model/json.js';
import { nameOf, namespaceOf, refOf } from '../model/object-ref.js';

export interface SimulationInput {
  /** Node objects of the cluster model, defaulted. */
  nodes: readonly KubeObject[];
  /** Objects already in the cluster (`--current`). */
  current: readonly Manifest[];
  /**
   * What the simulation may do with the current objects. By default they are the caller's: each
   * is checked for cycles (a YAML alias cycle) and copied. Callers that own them and have left out
   * those with cycles say so, as simulateTransition does, to skip that repeated work:
   * - `copies`: fresh copies made for this run, stored and defaulted as they are (its first run);
   * - `results`: objects of an earlier run, which that run's result still holds: one is stored
   *   itself when admission would not change it, else a changed copy (its second run).
   */
  currentObjects?: CurrentObjects;
  /** The manifests to apply, already accepted (schema-valid). */
  desired: readonly Manifest[];
  /** Input manifests the API server refused: findings about what they leave missing say so. */
  refused?: readonly Manifest[];
  /** CustomResourceDefinitions given beside the input (`--crd`): which custom kinds are cluster-scoped. */
  crds?: readonly Manifest[];
  /** The simulation's clock (RFC 3339): creation times, CronJob next runs. */
  now: string;
  /** The namespace of namespaced input objects that set none (`-n`; default `default`). */
  namespace?: string;
  schedule: ScheduleFunction;
  /** Upper bound on controller rounds; the loop normally settles in a few. */
  maxRounds?: number;
  /** False for callers that read no events (the diff): the result's `state.events` is then empty. */
  events?: boolean;
  /** Told when each stage starts (`admit`, `deployments`, `scheduling`, `endpoints`, ...): a hook for profiling. */
  onStage?: (stage: SimulationStage) => void;
}

export type SimulationStage =
  | 'admit'
  | 'autoscalers'
  | 'deployments'
  | 'replicasets'
  | 'statefulsets'
  | 'daemonsets'
  | 'jobs'
  | 'scheduling'
  | 'statuses'
  | 'endpoints'
  | 'findings'
  | 'sort';

export interface ServiceSummary {
  service: ObjectRef;
  type: string;
  clusterIP?: string;
  /** Ready endpoints over all slices, or undefined for a Service without selector. */
  endpoints?: number;
}

export interface IngressSummary {
  ingress: ObjectRef;
  routes: IngressRoute[];
}

export interface SimulationResult {
  state: ClusterState;
  problems: SimulationProblem[];
  /** Pod uid → FailedScheduling message, for pods that stay unscheduled. */
  unschedulable: Map<string, string>;
  services: ServiceSummary[];
  ingresses: IngressSummary[];
  cronJobs: CronJobRuns[];
  /** Controller rounds until nothing changed. */
  rounds: number;
}

/**
 * Runs the cluster: the current objects, then the input applied over them, then the controllers
 * and the scheduler in a fixed order (autoscalers, Deployments, ReplicaSets, StatefulSets,
 * DaemonSets, Jobs, scheduler) round after round until a round changes nothing; then the
 * EndpointSlices, Ingress routes and the checks that become findings. Deterministic: the same
 * input gives the same state, events and problems.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const stage = input.onStage ?? ((): void => {});
  stage('admit');
  const state = new SimulationState(input.now, input.events ?? true);
  const refused = new RefusedObjects(input.refused ?? []);
  for (const node of input.nodes) state.create(copyJson(node));
  admitCurrent(state, input.current, input.currentObjects);
  admitDesired(state, input.desired, input.namespace, input.crds);
  const addresses = new AddressAllocator(input.nodes);
  for (const { object } of state.list('Pod', '')) addresses.reserve(objectAt(object, 'status')?.podIP);

  const memory = newSchedulingMemory();
  // A DaemonSet update moves a few nodes a round: large clusters need more rounds.
  const maxRounds = input.maxRounds ?? Math.max(1000, 2 * input.nodes.length + 100);
  let rounds = 0;
  for (;;) {
    const before = state.changes;
    stage('autoscalers');
    reconcileAutoscalers(state, refused);
    stage('deployments');
    reconcileDeployments(state);
    stage('replicasets');
    reconcileReplicaSets(state);
    stage('statefulsets');
    reconcileStatefulSets(state);
    stage('daemonsets');
    reconcileDaemonSets(state, input.nodes);
    stage('jobs');
    reconcileJobs(state);
    stage('scheduling');
    runScheduler(state, input, addresses, memory);
    rounds++;
    if (state.changes === before) break;
    if (rounds >= maxRounds) {
      state.report({
        ruleId: 'simulation-not-settled',
        severity: 'warning',
        message: `the controllers were still changing the cluster after ${maxRounds} rounds; the plan shows the state at that point`,
        pointer: '',
      });
      break;
    }
  }
  stage('statuses');
  bindClaims(state);
  writeWorkloadStatuses(state, input.nodes);
  reportUnschedulable(state, memory.failures);
  const desired = new Set(input.desired);
  reportPodsOnMissingNodes(state, input.nodes, (origin) => desired.has(origin));

  stage('endpoints');
  const pods = new PodIndex(state.list('Pod', ''));
  const zones = new Map(
    input.nodes.map((n) => [
      nameOf(n),
      objectAt(objectAt(n, 'metadata') ?? {}, 'labels')?.['topology.kubernetes.io/zone'] as string | undefined,
    ]),
  );
  const slicesByService = new Map<string, KubeObject[]>();
  const services: ServiceSummary[] = [];
  for (const entry of state.list('Service', '')) {
    const slices = endpointSlicesFor(entry.object, pods, (node) => zones.get(node));
    slicesByService.set(uidOf(entry.object), slices);
    for (const slice of slices) state.create(slice);
    const spec = objectAt(entry.object, 'spec') ?? {};
    services.push({
      service: refOf(entry.object),
      type: String(spec.type ?? 'ClusterIP'),
      ...(typeof spec.clusterIP === 'string' ? { clusterIP: spec.clusterIP } : {}),
      ...(hasSelector(entry.object) ? { endpoints: servingEndpointCount(entry.object, slices) } : {}),
    });
    reportServiceWithoutEndpoints(state, entry, slices, pods, refused);
  }
  const findService = (namespace: string, name: string): KubeObject | undefined =>
    state.get({ apiVersion: 'v1', kind: 'Service', namespace, name })?.object;
  const ingresses: IngressSummary[] = [];
  for (const entry of state.list('Ingress', 'networking.k8s.io')) {
    const routes = ingressRoutes(entry.object, findService, (service) => slicesByService.get(uidOf(service)) ?? []);
    ingresses.push({ ingress: refOf(entry.object), routes });
    for (const route of routes) reportIngressRoute(state, entry, route);
  }
  stage('findings');
  for (const entry of state.list('PodDisruptionBudget', 'policy')) reportDisruptionBudget(state, entry, pods);
  const cronJobs = cronJobSchedules(state);

  stage('sort');
  const objects = sortObjects(
    state
      .all()
      .map((e) => e.object)
      .filter((o) => !(RECOMPUTED_KINDS.has(String(o.kind)) && o.kind !== 'EndpointSlice')),
  );
  return {
    state: { objects, events: state.events },
    problems: state.problems,
    unschedulable: memory.failures,
    services,
    ingresses,
    cronJobs,
    rounds,
  };
}

/** A failing scheduler is a kubeplan bug: reported once, pods stay pending, the plan goes on. */
function runScheduler(
  state: SimulationState,
  input: SimulationInput,
  addresses: AddressAllocator,
  memory: SchedulingMemory,
): void {
  if (memory.broken) return;
  try {
    scheduleCycle(state, input.nodes, addresses, memory, input.schedule);
  } catch (error) {
    memory.broken = true;
    state.report({
      ruleId: 'scheduler-error',
      severity: 'error',
      message: `kubeplan's scheduler failed: ${(error as Error).message}; pods stay unscheduled`,
      pointer: '',
    });
  }
}

/**
 * Claims of scheduled pods get bound: kubeplan assumes a default StorageClass that provisions a
 * volume when the first pod using the claim is scheduled (WaitForFirstConsumer), which is what
 * managed clusters do. The volume is named `pvc-<claim uid>`, like dynamically provisioned ones.
 */
function bindClaims(state: SimulationState): void {
  const used = new Set<string>();
  for (const { object } of state.list('Pod', '')) {
    if (!nodeNameOf(object)) continue;
    for (const volume of (objectAt(object, 'spec')?.volumes as unknown[] | undefined) ?? []) {
      const claimName = (
        (volume as Record<string, unknown>)?.persistentVolumeClaim as Record<string, unknown> | undefined
      )?.claimName;
      if (typeof claimName === 'string') used.add(`${namespaceOf(object)}/${claimName}`);
    }
  }
  for (const { object } of state.list('PersistentVolumeClaim', '')) {
    const status = objectAt(object, 'status');
    if (!used.has(`${namespaceOf(object)}/${nameOf(object)}`) || status?.phase === 'Bound') continue;
    const spec = objectAt(object, 'spec') ?? {};
    const storage = objectAt(objectAt(spec, 'resources') ?? {}, 'requests')?.storage;
    const bound = {
      phase: 'Bound',
      accessModes: spec.accessModes ?? [],
      ...(storage !== undefined ? { capacity: { storage } } : {}),
    };
    state.replace(revised(withSpec(object, { volumeName: `pvc-${uidOf(object)}` }), { status: bound }));
  }
}
