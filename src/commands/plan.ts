import { measureHeadroom, type Headroom } from '../simulate/headroom.js';
import type { ClusterState } from '../model/cluster-state.js';
import { compareFindings, findingAt, type Finding } from '../model/finding.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { countBySeverity, exitCodeFor, type Summary } from '../model/summary.js';
import type { KubeplanConfig } from '../config/config-types.js';
import {
  type InputOptions,
  isLoadedInputs,
  type LoadedInputs,
  loadFindings,
  loadInputs,
  loadIoErrors,
} from '../load/inputs.js';
import type { FailOn } from '../model/severity.js';
import { runKubernetesVersion } from '../lint/kube-version.js';
import { acceptManifests, unreportedRefusals } from '../simulate/accept-manifests.js';
import { resolveClusterModel, type ClusterConfig } from '../simulate/cluster/cluster-model.js';
import type { CronJobRuns } from '../simulate/controllers/cronjob.js';
import { schedule as kubeScheduler } from '../simulate/scheduler/index.js';
import type { ScheduleFunction } from '../simulate/scheduling-step.js';
import { simulate, type IngressSummary, type ServiceSummary, type SimulationStage } from '../simulate/simulate.js';
import { clusterModelOptions } from './configured-cluster.js';
import { validateInputs } from './validate-inputs.js';

export interface PlanOptions extends InputOptions {
  /** The Kubernetes release the cluster runs (`"1.30"`); default: the config's, else the release kubeplan ships schemas for. */
  kubernetesVersion?: string;
  /** Files with Node objects (`kubectl get nodes -o yaml`); replaces the embedded cluster. */
  cluster?: readonly string[];
  /** The `cluster` section of `.kubeplan.yaml` with its positions; default: `cluster.nodeGroups` of `config`. */
  clusterConfig?: ClusterConfig;
  /** A loaded `.kubeplan.yaml`: `ignorePaths`, `cluster.nodeGroups` and `failOn`. */
  config?: KubeplanConfig;
  /** The level of `exitCode` (`--fail-on`); default: `failOn` of `config`, else `error`. */
  failOn?: FailOn;
  /** The plan's clock, RFC 3339; see `planClock`. */
  now?: string;
  /** The namespace of namespaced objects that set none, as kubectl applies them (`-n`; default `default`). */
  namespace?: string;
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
  cronJobs: CronJobRuns[];
  /** Pod uid → FailedScheduling message. */
  unschedulable: Map<string, string>;
  /** With the `headroom` option: how many more pods each workload could run. */
  headroom?: Headroom[];
  /** 2 for an unreadable input, 1 for a finding at or above `failOn`, else 0 (see `exitCodeFor`). */
  exitCode: number;
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

/** What the plan adds to the loaded inputs; `findings` are its own (not the loading problems). */
export type PlanRun = Omit<PlanResult, 'findings' | 'summary' | 'exitCode'> & { findings: Finding[]; ioErrors: number };

export interface PlanRunOptions extends PlanOptions {
  /**
   * Findings the run shows already (check: lint's): an object the API server refuses for one of
   * them is left out without an `object-rejected` of its own.
   */
  reported?: readonly Finding[];
}

/**
 * The plan over loaded inputs: sets aside the objects the API server would refuse (from the
 * run's one validation), applies the rest over the current objects, runs the controllers and
 * the scheduler, and reports what goes wrong as findings at the manifests that cause it.
 */
export async function runPlan(loaded: LoadedInputs, options: PlanRunOptions = {}): Promise<PlanRun> {
  const stage = options.onStage ?? ((): void => {});
  stage('validate');
  const validation = validateInputs(loaded);
  const desired = loaded.desired.manifests;
  const acceptance = await acceptManifests(
    desired,
    loaded.crdManifests,
    (m) => validation.of(m),
    runKubernetesVersion(options),
  );
  const findings = unreportedRefusals(acceptance.refused, options.reported);

  stage('cluster');
  const model = await resolveClusterModel(clusterModelOptions(options), loaded.referenceOptions);
  for (const finding of model.findings) findings.push(finding);
  const nodes: readonly KubeObject[] = model.nodes;

  stage('current');
  const current = loaded.current?.manifests ?? [];
  const now = planClock(options.now, current);
  const result = simulate({
    nodes,
    current,
    desired: acceptance.accepted,
    refused: acceptance.refused.map((r) => r.manifest),
    crds: loaded.crds.manifests,
    now,
    ...(options.namespace ? { namespace: options.namespace } : {}),
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
  return {
    state: result.state,
    findings,
    ioErrors: model.ioErrors,
    now,
    clusterSource: model.source,
    services: result.services,
    ingresses: result.ingresses,
    cronJobs: result.cronJobs,
    unschedulable: result.unschedulable,
    ...(options.headroom
      ? { headroom: measureHeadroom(result.state, nodes, options.schedule ?? kubeScheduler, options.headroom) }
      : {}),
  };
}

/** The result of `plan`: the loading problems and the plan's findings, sorted, with the summary and exit code. */
export function planResult(
  loaded: LoadedInputs,
  run: PlanRun,
  options: Pick<PlanOptions, 'failOn' | 'config'> = {},
): PlanResult {
  const { ioErrors: planIoErrors, ...rest } = run;
  const findings = [...loadFindings(loaded), ...run.findings].sort(compareFindings);
  const ioErrors = loadIoErrors(loaded) + planIoErrors;
  return {
    ...rest,
    findings,
    summary: {
      files: loaded.desired.files,
      documents: loaded.desired.documents,
      objects: loaded.desired.manifests.length,
      ...countBySeverity(findings),
      ioErrors,
    },
    exitCode: exitCodeFor(findings, ioErrors, options.failOn ?? options.config?.failOn ?? 'error'),
  };
}

/**
 * What the cluster will do with the inputs: loads them (or takes them loaded: loadInputs) with
 * the configuration's `ignorePaths`, node groups and `failOn`, and runs the plan (`runPlan`).
 */
export async function plan(inputs: readonly string[] | LoadedInputs, options: PlanOptions = {}): Promise<PlanResult> {
  options.onStage?.('load');
  const loaded = isLoadedInputs(inputs) ? inputs : await loadInputs(inputs, options);
  const run = await runPlan(loaded, options);
  options.onStage?.('done');
  return planResult(loaded, run, options);
}
