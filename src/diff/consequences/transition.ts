import { findingAt, type Finding } from '../../model/finding.js';
import { copyJson, isCyclic } from '../../model/copy-json.js';
import type { KubeObject, Manifest } from '../../model/manifest.js';
import { objectKey, refOf } from '../../model/object-ref.js';
import { type SourceRange, START_OF_FILE } from '../../model/source-range.js';
import { schedule as kubeScheduler } from '../../simulate/scheduler/index.js';
import type { ScheduleFunction } from '../../simulate/scheduling-step.js';
import { simulate, type SimulationResult } from '../../simulate/simulate.js';
import { uidOf } from '../../simulate/state.js';
import { dropNulls } from '../../model/json.js';
import { controllerUidOf } from '../../model/owner-chain.js';

/** The cluster as it runs now, and after the desired manifests are applied to it (without events: none are recorded). */
export interface Transition {
  before: SimulationResult;
  after: SimulationResult;
}

export interface TransitionInput {
  /** Objects already in the cluster (the diff's current side). */
  current: readonly Manifest[];
  /** The manifests to apply, without those the API server refuses. */
  desired: readonly Manifest[];
  /** The manifests the API server refuses: the plan's findings about what they leave missing say so. */
  refused?: readonly Manifest[];
  /** Identity keys of current objects deleted by the apply (`--prune`); what they own goes with them. */
  deleted?: ReadonlySet<string>;
  /** Node objects of the cluster model. */
  nodes: readonly KubeObject[];
  /** The simulation's clock (see `planClock`). */
  now: string;
  /** The namespace of desired objects that set none (`-n`). */
  namespace?: string;
  /** CustomResourceDefinitions given beside the input (`--crd`): which custom kinds are cluster-scoped. */
  crds?: readonly Manifest[];
  schedule?: ScheduleFunction;
}

/**
 * Runs the plan twice. First the current objects alone: the controllers give the current
 * workloads their ReplicaSets and pods and the scheduler places them (pods already in a dump stay
 * where they are), which is the cluster as it runs. Then the desired manifests applied over
 * that cluster, so a changed pod template rolls out next to the old pods: surge pods have to fit
 * beside them, and a rollout stalls where a cluster would.
 */
export function simulateTransition(input: TransitionInput): Transition {
  const schedule = input.schedule ?? kubeScheduler;
  // `kubectl get -o yaml` prints `creationTimestamp: null` in pod templates; null means unset,
  // and left in it would make every template differ from its manifest (a rollout of everything).
  // An object containing itself (YAML aliases) cannot exist in a cluster; the diff reports it.
  const current = input.current
    .filter((m) => !isCyclic(m.object))
    .map((m) => ({ ...m, object: dropNulls(copyJson(m.object)) as KubeObject }));
  // Both runs own their current objects, and none contains itself: those that did were left out
  // above. The first run's are the copies just made; the second run's, the first run's objects.
  const before = simulate({
    nodes: input.nodes,
    current,
    currentObjects: 'copies',
    // Consequences come from the objects; the events of either run are never read.
    events: false,
    desired: [],
    now: input.now,
    schedule,
  });
  const manifestOf = new Map(current.map((m) => [objectKey(m.object), m]));
  const running = withoutDeleted(before.state.objects, input.deleted ?? new Set()).map((object): Manifest => {
    const source = manifestOf.get(objectKey(object));
    return source
      ? { ...source, object }
      : { ref: refOf(object), object, source: { file: '<cluster>', docIndex: 0 }, locate: startOfFile };
  });
  const after = simulate({
    nodes: input.nodes,
    current: running,
    currentObjects: 'results',
    events: false,
    desired: input.desired,
    refused: input.refused ?? [],
    now: input.now,
    ...(input.namespace ? { namespace: input.namespace } : {}),
    ...(input.crds ? { crds: input.crds } : {}),
    schedule,
  });
  return { before, after };
}

/** Where findings about an object only the cluster has point: it has no manifest. */
function startOfFile(): SourceRange {
  return START_OF_FILE;
}

/** The objects minus the deleted ones and, as the garbage collector does, everything they control. */
function withoutDeleted(objects: readonly KubeObject[], deleted: ReadonlySet<string>): KubeObject[] {
  if (deleted.size === 0) return [...objects];
  const gone = new Set(
    objects
      .filter((o) => deleted.has(objectKey(o)))
      .map(uidOf)
      .filter(Boolean),
  );
  let size = -1;
  while (gone.size !== size) {
    size = gone.size;
    for (const object of objects) if (gone.has(controllerUidOf(object)) && uidOf(object)) gone.add(uidOf(object));
  }
  return objects.filter((o) => !gone.has(uidOf(o)));
}

/**
 * The problems the plan finds with the desired manifests once applied (unschedulable pods,
 * Services without endpoints, ...), as findings at those manifests. Problems of objects that
 * only the cluster has belong to whoever manages them and are left out.
 */
export function planFindings(after: SimulationResult, desired: readonly Manifest[]): Finding[] {
  const mine = new Set(desired);
  return after.problems
    .filter((p) => p.origin && mine.has(p.origin))
    .map((p) =>
      findingAt(p.origin!, {
        ruleId: p.ruleId,
        severity: p.severity,
        message: p.message,
        pointer: p.pointer,
        phase: 'simulate',
      }),
    );
}
