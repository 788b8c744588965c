import type { KubeplanConfig } from '../config/config-types.js';
import { computeConsequences } from '../diff/consequences/consequences.js';
import { type ApplyMode, DEFAULT_FIELD_MANAGER, predictApplied } from '../diff/apply/predict-applied.js';
import { admitManifests, markRefused, rekeyAdmission } from '../diff/consequences/refused.js';
import type { Manifest } from '../model/manifest.js';
import { runKubernetesVersion } from '../lint/kube-version.js';
import { clusterScopedCustomKinds } from '../model/namespace-scope.js';
import { planFindings } from '../diff/consequences/transition.js';
import type { Consequences } from '../diff/consequences/types.js';
import { diffObjects } from '../diff/diff-objects.js';
import type { IgnoreRule } from '../diff/ignore-rules.js';
import type { ChangeCounts, ObjectChange } from '../diff/types.js';
import { missingCurrentSource } from '../load/current-source.js';
import {
  type InputOptions,
  isLoadedInputs,
  type LoadedInputs,
  loadFindings,
  loadInputs,
  loadIoErrors,
} from '../load/inputs.js';
import { emptyLoad } from '../load/load-manifests.js';
import { compareFindings, type Finding } from '../model/finding.js';
import { meetsFailLevel, type FailOn } from '../model/severity.js';
import { countBySeverity, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, exitCodeFor, type Summary } from '../model/summary.js';
import { resolveClusterModel, type ClusterConfig } from '../simulate/cluster/cluster-model.js';
import type { ScheduleFunction } from '../simulate/scheduling-step.js';
import { clusterModelOptions } from './configured-cluster.js';
import { planClock } from './plan.js';
import { unreportedRefusals } from '../simulate/accept-manifests.js';
import { validateInputs } from './validate-inputs.js';

export { CurrentSourceError } from '../load/current-source-error.js';

export interface DiffOptions extends Omit<InputOptions, 'current'> {
  /** The current side: files or directories (manifests or `kubectl get -o yaml` dumps), or one `git:<revision>`. */
  current: readonly string[];
  /** Namespace of namespaced objects that set none (default `default`, as kubectl). */
  namespace?: string;
  /** Objects only the current side has are deleted, instead of listed as unmanaged. */
  prune?: boolean;
  /** Fields to leave out of the comparison; default: `diff.ignoreDifferences` of the configuration. */
  ignore?: readonly IgnoreRule[];
  /** A loaded `.kubeplan.yaml`: `ignorePaths`, the `diff` section and `cluster.nodeGroups`. */
  config?: KubeplanConfig;
  /** Lines of context in the unified text (default 3). */
  context?: number;
  /** The Kubernetes release the cluster runs (`"1.30"`); default: the config's, else the release kubeplan ships schemas for. */
  kubernetesVersion?: string;
  /** How the manifests are applied (predict-applied.ts); default: the configuration's `diff.mode`, else `client`. */
  mode?: ApplyMode;
  /** Under `server-side`: the applying field manager; default: the configuration's `diff.fieldManager`, else `kubectl`. */
  fieldManager?: string;
  /** Under `server-side`: take over the fields other managers own (`--force-conflicts`); default: the configuration's `diff.forceConflicts`. */
  forceConflicts?: boolean;
  /** Run the plan on both sides for the consequences (default true). */
  consequences?: boolean;
  /** Files with Node objects; default: `clusterConfig`, else `cluster.nodeGroups` of `config`, else the embedded cluster. */
  cluster?: readonly string[];
  /** The configuration's node groups with their file and positions, for findings about them. */
  clusterConfig?: ClusterConfig;
  /** The plan's clock (see `planClock`). */
  now?: string;
  schedule?: ScheduleFunction;
}

export interface DiffSummary extends Summary {
  changes: ChangeCounts;
  /** Current objects the cluster made itself (pods, ReplicaSets, events...), not compared. */
  generated: number;
  /** Current objects outside the namespaces (and cluster-scoped kinds) of the manifests, not compared. */
  outside: number;
}

export interface DiffResult {
  /** Every object of both sides in identity order (see `ObjectChange`). */
  changes: ObjectChange[];
  /** Undefined when `consequences: false`. */
  consequences?: Consequences;
  /** Loading problems of both sides, immutable fields, refused objects, stalled rollouts, lost endpoints. */
  findings: Finding[];
  /** Problems the plan finds with the desired manifests applied over the current state (phase `simulate`). */
  planFindings: Finding[];
  summary: DiffSummary;
}

/** What the diff adds to the loaded inputs; `findings` are its own (not the loading problems). */
export interface DiffRun extends Omit<DiffResult, 'summary'> {
  ioErrors: number;
  counts: ChangeCounts;
  generated: number;
  outside: number;
}

export interface DiffRunOptions extends Omit<DiffOptions, 'current'> {
  /** Findings the run shows already (check: lint's): no `object-rejected` repeats one of them. */
  reported?: readonly Finding[];
}

/**
 * The diff over loaded inputs (their `current` is required): compares, finds the changes the
 * API server refuses (from the run's one validation), and runs the plan on both sides for the
 * consequences.
 */
export async function runDiff(loaded: LoadedInputs, options: DiffRunOptions = {}): Promise<DiffRun> {
  const config = options.config ?? {};
  const current = loaded.current ?? emptyLoad();
  const desired = loaded.desired;
  const clusterScoped = clusterScopedCustomKinds(
    [...current.manifests, ...desired.manifests, ...loaded.crds.manifests].map((m) => m.object),
  );
  const applied = predictApplied(current.manifests, desired.manifests, {
    mode: options.mode ?? config.diff?.mode ?? 'client',
    fieldManager: options.fieldManager ?? config.diff?.fieldManager ?? DEFAULT_FIELD_MANAGER,
    forceConflicts: options.forceConflicts ?? config.diff?.forceConflicts ?? false,
    ...(options.namespace ? { namespace: options.namespace } : {}),
    clusterScoped,
  });
  const objects = diffObjects(current.manifests, applied.manifests, {
    ...(options.namespace ? { namespace: options.namespace } : {}),
    ...(options.prune ? { prune: true } : {}),
    ignore: options.ignore ?? config.diff?.ignoreDifferences ?? [],
    ...(options.context !== undefined ? { context: options.context } : {}),
    crds: loaded.crds.manifests,
    clusterScoped,
    stored: new Set(applied.originalOf.keys()),
  });
  // Changes the API server refuses do not happen, whether or not the plan runs.
  const validation = validateInputs(loaded);
  // A predicted object stands for its manifest: refused for what the manifest has, and reported at it.
  const original = (m: Manifest): Manifest => applied.originalOf.get(m) ?? m;
  const admission = rekeyAdmission(
    await admitManifests(
      applied.manifests,
      loaded.crds.manifests,
      (m) => validation.of(original(m)),
      runKubernetesVersion(options),
    ),
    original,
  );
  const { changes, refusals } = markRefused(
    objects.changes.map((c) => (c.desired ? { ...c, desired: original(c.desired) } : c)),
    admission,
  );
  const findings = [...applied.findings, ...objects.findings, ...unreportedRefusals(refusals, options.reported)];
  let ioErrors = 0;

  let consequences: Consequences | undefined;
  let plan: Finding[] = [];
  if (options.consequences !== false) {
    const model = await resolveClusterModel(clusterModelOptions(options), loaded.referenceOptions);
    for (const finding of model.findings) findings.push(finding);
    ioErrors += model.ioErrors;
    const computed = computeConsequences({
      changes,
      current: current.manifests,
      admission,
      nodes: model.nodes,
      now: planClock(options.now, current.manifests),
      ...(options.namespace ? { namespace: options.namespace } : {}),
      crds: loaded.crds.manifests,
      ...(options.schedule ? { schedule: options.schedule } : {}),
    });
    consequences = computed.consequences;
    for (const finding of consequences.findings) findings.push(finding);
    plan = planFindings(computed.transition.after, computed.applied).sort(compareFindings);
  }
  return {
    changes,
    ...(consequences ? { consequences } : {}),
    findings,
    planFindings: plan,
    ioErrors,
    counts: objects.counts,
    generated: objects.generated,
    outside: objects.outside,
  };
}

/** The result of `diff`: the loading problems of both sides and the diff's findings, sorted, with the summary. */
export function diffResult(loaded: LoadedInputs, run: DiffRun): DiffResult {
  const current = loaded.current ?? emptyLoad();
  const findings = [...loadFindings(loaded), ...run.findings].sort(compareFindings);
  return {
    changes: run.changes,
    ...(run.consequences ? { consequences: run.consequences } : {}),
    findings,
    planFindings: run.planFindings,
    summary: {
      files: current.files + loaded.desired.files,
      documents: current.documents + loaded.desired.documents,
      objects: current.manifests.length + loaded.desired.manifests.length,
      ...countBySeverity(findings),
      ioErrors: loadIoErrors(loaded) + run.ioErrors,
      changes: run.counts,
      generated: run.generated,
      outside: run.outside,
    },
  };
}

/**
 * Compares the manifests (`inputs`) with the current state (`options.current`) and tells what
 * applying them changes: per object create / update / delete / unchanged / unmanaged with an
 * RFC 6902 patch and a unified text of the normalized YAML (Secret values masked), findings for
 * changes the API server refuses, and the consequences from the plan run on both sides. Takes
 * paths, or inputs loaded with their current state (loadInputs).
 * Throws `CurrentSourceError` when the current side cannot be used at all (unknown revision).
 */
export async function diff(inputs: readonly string[] | LoadedInputs, options: DiffOptions): Promise<DiffResult> {
  const loaded = isLoadedInputs(inputs)
    ? inputs
    : options.current?.length
      ? await loadInputs(inputs, options)
      : undefined;
  if (!loaded?.current) throw missingCurrentSource();
  return diffResult(loaded, await runDiff(loaded, options));
}

/** Whether applying changes anything: an object created, updated or deleted. */
export function hasChanges(summary: DiffSummary): boolean {
  return summary.changes.create + summary.changes.update + summary.changes.delete > 0;
}

/**
 * The exit code of `kubeplan diff` (docs/diff.md). With `--exit-code`, as `kubectl diff`: 0 no
 * changes, 1 changes, 2 an error (unreadable input, or a finding at or above `failOn`, such as a
 * change the API server refuses). Without it, as the other commands: 2 unreadable input, 1 a
 * finding at or above `failOn`, else 0.
 */
export function diffExitCode(
  result: Pick<DiffResult, 'findings' | 'summary'>,
  options: { exitCode?: boolean; failOn: FailOn },
): number {
  if (!options.exitCode) return exitCodeFor(result.findings, result.summary.ioErrors, options.failOn);
  if (result.summary.ioErrors > 0) return EXIT_ERROR;
  const failing = result.findings.some((f) => meetsFailLevel(f.severity, options.failOn));
  return failing ? EXIT_ERROR : hasChanges(result.summary) ? EXIT_FINDINGS : EXIT_CLEAN;
}
