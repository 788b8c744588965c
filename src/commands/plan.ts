import { measureHeadroom, type Headroom } from '../simulate/headroom.js';
import type { ClusterState } from '../model/cluster-state.js';
import { compareFindings, findingAt, type Finding } from '../model/finding.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { countBySeverity, type Summary } from '../model/summary.js';
import { loadManifests, type LoadOptions } from '../load/load-manifests.js';
import { acceptManifests } from '../simulate/accept-manifests.js';
import { resolveClusterModel, type ClusterConfig } from '../simulate/cluster/cluster-model.js';
import type { CronJobSchedule } from '../simulate/controllers/cronjob.js';
import { schedule as kubeScheduler } from '../simulate/scheduler/index.js';
import type { ScheduleFunction } from '../simulate/scheduling-step.js';
import { simulate, type IngressSummary, type ServiceSummary, type SimulationStage } from '../simulate/simulate.js';
import { isCrd } from '../validate/crd/crd-registry.js';

export interface PlanOptions extends LoadOptions {
  /** Files with Node objects (`kubectl get nodes -o yaml`); replaces the embedded cluster. */
  cluster?: readonly string[];
  /** The `cluster` section of `.kubeplan.yaml`: used when `cluster` is not given. */
  clusterConfig?: ClusterConfig;
  /** Files with the objects already in the cluster (`kubectl get all,cm,secret,pvc -A -o yaml`). */
  current?: readonly string[];
  /** The plan's clock, RFC 3339; see `planClock`. */
  now?: string;
  /** CustomResourceDefinitions to validate custom resources with. */
  crds?: readonly string[];
  /** The scheduler; kubeplan's kube-scheduler unless a test passes another. */
  schedule?: ScheduleFunction;
  /** Measure each workload's headroom (`measureHeadroom`), trying up to this many extra pods. */
  headroom?: number;
  /** Told when each stage starts, `done` at the end: a hook for profiling (bench/plan-bench.ts). */
  onStage?: (stage: PlanStage) => void;
}

export type { ClusterConfig } from '../simulate/cluster/cluster-model.js';

export type PlanStage = 'load' | 'validate' | 'cluster' | 'current' | SimulationStage | 'done';

export interface PlanResult {
  state: ClusterState;
  findings: Finding[];
  summary: Summary;
  /** The clock the plan ran with. */
  now: string;
  /** Where the cluster model came from. */
  clusterSource: 'default' | 'config' | 'files';
  services: ServiceSummary[];
  ingresses: IngressSummary[];
  cronJobs: CronJobSchedule[];
  /** Pod uid → FailedScheduling message. */
  unschedulable: Map<string, string>;
  /** With the `headroom` option: how many more pods each workload could run. */
  headroom?: Headroom[];
}

/** The clock when none is given: stable across runs, so the same input gives the same output. */
export const DEFAULT_NOW = '2026-01-01T00:00:00Z';

/**
 * The plan's reference time: `--now` when given, else the latest `creationTimestamp` among the
 * current objects (the moment of the dump, as near as it can be known), else DEFAULT_NOW.
 * Never the machine's clock.
 */
export function planClock(now: string | undefined, current: readonly Manifest[]): string {
  if (now) return now;
  let latest = '';
  for (const { object } of current) {
    const created = (object.metadata as { creationTimestamp?: unknown } | undefined)?.creationTimestamp;
    if (typeof created === 'string' && /^\d{4}-\d\d-\d\dT/.test(created) && created > latest) latest = created;
  }
  return latest || DEFAULT_NOW;
}

/**
 * What the cluster will do with the inputs: loads them, sets aside the objects the API server
 * would refuse (acceptManifests), applies the rest over the current objects, runs the controllers
 * and the scheduler, and reports what goes wrong as findings at the manifests that cause it.
 */
export async function plan(inputs: readonly string[], options: PlanOptions = {}): Promise<PlanResult> {
  const stage = options.onStage ?? ((): void => {});
  stage('load');
  const loaded = await loadManifests(inputs, options);
  const findings: Finding[] = [...loaded.findings];
  let ioErrors = loaded.ioErrors;
  const others = { ...options, readStdin: undefined };

  const crdManifests = loaded.manifests.filter(isCrd);
  if (options.crds?.length) {
    const extra = await loadManifests(options.crds, others);
    crdManifests.push(...extra.manifests.filter(isCrd));
    findings.push(...extra.findings.filter((f) => f.severity === 'error'));
    ioErrors += extra.ioErrors;
  }
  stage('validate');
  const { accepted, refused, findings: rejections } = await acceptManifests(loaded.manifests, crdManifests);
  findings.push(...rejections);

  stage('cluster');
  const model = await resolveClusterModel(options, others);
  findings.push(...model.findings);
  ioErrors += model.ioErrors;
  const nodes: readonly KubeObject[] = model.nodes;
  const clusterSource = model.source;

  stage('current');
  let current: Manifest[] = [];
  if (options.current?.length) {
    const loadedCurrent = await loadManifests(options.current, others);
    findings.push(...loadedCurrent.findings.filter((f) => f.severity === 'error'));
    ioErrors += loadedCurrent.ioErrors;
    current = loadedCurrent.manifests;
  }

  const now = planClock(options.now, current);
  const result = simulate({
    nodes,
    current,
    desired: accepted,
    refused,
    now,
    schedule: options.schedule ?? kubeScheduler,
    ...(options.onStage ? { onStage: options.onStage } : {}),
  });
  for (const problem of result.problems) {
    const init = {
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      pointer: problem.pointer,
      phase: 'simulate' as const,
    };
    findings.push(problem.origin ? findingAt(problem.origin, init) : { ...init, file: '<plan>', line: 1, column: 1 });
  }
  findings.sort(compareFindings);
  stage('done');
  return {
    state: result.state,
    findings,
    summary: {
      files: loaded.files,
      documents: loaded.documents,
      objects: loaded.manifests.length,
      ...countBySeverity(findings),
      ioErrors,
    },
    now,
    clusterSource,
    services: result.services,
    ingresses: result.ingresses,
    cronJobs: result.cronJobs,
    unschedulable: result.unschedulable,
    ...(options.headroom
      ? { headroom: measureHeadroom(result.state, nodes, options.schedule ?? kubeScheduler, options.headroom) }
      : {}),
  };
}
