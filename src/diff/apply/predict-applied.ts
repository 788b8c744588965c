import { isCyclic } from '../../model/copy-json.js';
import { findingAt, type Finding } from '../../model/finding.js';
import { fieldPath } from '../../model/json-pointer.js';
import { isObject, type JsonObject } from '../../model/json.js';
import type { KubeObject, Manifest } from '../../model/manifest.js';
import { type ClusterScopedCustomKinds, placeInNamespace } from '../../model/namespace-scope.js';
import { describeRef, groupOf, identityKey, refOf } from '../../model/object-ref.js';
import { withoutTopServerFields } from '../server-fields.js';
import { rootTypeOf } from './api-types.js';
import { keptSecretKeys } from './secret-string-data.js';
import { pointerIn } from './server-side/field-set.js';
import { predictServerSide, type ServerSidePrediction } from './server-side/predict-server-side.js';
import { type LostItem, threeWayMerge } from './three-way-merge.js';

/**
 * How the manifests reach the cluster, which decides what a diff against live objects shows:
 * - `client`: `kubectl apply`, a three-way merge (three-way-merge.ts); fields the manifest does
 *   not mention stay as the cluster has them;
 * - `server-side`: `kubectl apply --server-side`, the API server's field manager
 *   (server-side/): fields other managers own stay, and changing them is a conflict that refuses
 *   the apply unless forced;
 * - `whole-object`: the live object becomes the manifest (as `kubectl replace` would do): every
 *   field the manifest does not set shows as removed, drift included.
 */
export type ApplyMode = 'client' | 'server-side' | 'whole-object';

export const APPLY_MODES: readonly ApplyMode[] = ['client', 'server-side', 'whole-object'];

/** kubectl's field manager under `apply --server-side` unless `--field-manager` says otherwise. */
export const DEFAULT_FIELD_MANAGER = 'kubectl';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Whether an object is as the API server returned it (a `kubectl get -o yaml` dump), rather
 * than a manifest: only the server writes these fields.
 */
export function isLiveObject(object: KubeObject): boolean {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const written = ['resourceVersion', 'uid', 'managedFields', 'creationTimestamp'].some(
    (key) => metadata[key] !== undefined && metadata[key] !== null,
  );
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return written || object.status !== undefined || typeof annotations[LAST_APPLIED] === 'string';
}

/** The manifest kubectl last applied, from the live object's annotation; undefined without one or unreadable. */
export function lastAppliedOf(live: KubeObject): JsonObject | undefined {
  const annotations = isObject(live.metadata) && isObject(live.metadata.annotations) ? live.metadata.annotations : {};
  const text = annotations[LAST_APPLIED];
  if (typeof text !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The live object once `kubectl apply` of `manifest` is done (client-side; see threeWayMerge).
 * `lastApplied` is the live object's annotation, read by the caller when it has it already;
 * `lost` collects the manifest's list items the merge drops.
 */
export function predictLive(
  live: KubeObject,
  manifest: KubeObject,
  lastApplied: JsonObject | undefined = lastAppliedOf(live),
  lost?: LostItem[],
): KubeObject {
  // Fields a built-in kind does not have are merged too: the comparison drops them (normalize.ts).
  const type = rootTypeOf(String(manifest.apiVersion), String(manifest.kind));
  return threeWayMerge(lastApplied, manifest, live, type, lost);
}

export interface AppliedManifests {
  /** The desired manifests, each matched to a live object replaced by the predicted live object. */
  manifests: Manifest[];
  /** The manifest each replaced one stands for: its schema findings are the manifest's. */
  originalOf: Map<Manifest, Manifest>;
  findings: Finding[];
}

export interface PredictOptions {
  mode: ApplyMode;
  namespace?: string;
  clusterScoped?: ClusterScopedCustomKinds;
  /** Under `server-side`: the applying field manager (default DEFAULT_FIELD_MANAGER). */
  fieldManager?: string;
  /** Under `server-side`: `--force-conflicts`, take the fields other managers own. */
  forceConflicts?: boolean;
}

/**
 * The desired side as the cluster will hold it after the apply. Under `client` and
 * `server-side`, each manifest whose object the current side holds as a live object is replaced
 * by the predicted live object (server fields and status left out, positions still the
 * manifest's); a current side of manifests (a directory, a git revision) is what the last apply
 * sent, so the manifests replace it as they are. Under `whole-object` nothing is predicted.
 */
export function predictApplied(
  current: readonly Manifest[],
  desired: readonly Manifest[],
  options: PredictOptions,
): AppliedManifests {
  const result: AppliedManifests = { manifests: [], originalOf: new Map(), findings: [] };
  if (options.mode === 'whole-object') {
    result.manifests = [...desired];
    return result;
  }
  const live = new Map<string, KubeObject>();
  for (const m of current) {
    if (isLiveObject(m.object)) live.set(identityOf(m.object, options), m.object);
  }
  const notes: Notes = { withoutAnnotation: [], withoutManagedFields: [] };
  for (const manifest of desired) {
    const have = live.get(identityOf(manifest.object, options));
    if (!have) {
      result.manifests.push(manifest);
      continue;
    }
    try {
      predictOne(result, manifest, have, options, notes);
    } catch (error) {
      // An object containing itself (YAML aliases) has no JSON form; the diff reports it. Asked
      // only on failure: the check walks both objects whole.
      if (!(error instanceof RangeError) || !(isCyclic(have) || isCyclic(manifest.object))) throw error;
      result.manifests.push(manifest);
    }
  }
  if (notes.withoutAnnotation.length) result.findings.push(withoutLastApplied(notes.withoutAnnotation));
  if (notes.withoutManagedFields.length) result.findings.push(noManagedFields(notes.withoutManagedFields));
  return result;
}

/** The manifests whose live objects get one finding for the run. */
interface Notes {
  withoutAnnotation: Manifest[];
  withoutManagedFields: Manifest[];
}

/** Predicts one live object after the apply of its manifest; adds nothing when it throws. */
function predictOne(
  result: AppliedManifests,
  manifest: Manifest,
  have: KubeObject,
  options: PredictOptions,
  notes: Notes,
): void {
  const lastApplied = lastAppliedOf(have);
  if (options.mode === 'server-side') {
    const predicted = predictServerSide(have, manifest.object, lastApplied, {
      manager: options.fieldManager ?? DEFAULT_FIELD_MANAGER,
      force: options.forceConflicts ?? false,
    });
    if (!predicted.ownershipKnown) notes.withoutManagedFields.push(manifest);
    if (predicted.refused) result.findings.push(refusedApply(manifest, predicted));
    pushPredicted(result, manifest, have, predicted.object);
    return;
  }
  const kept = keptSecretKeys(have, manifest.object, lastApplied);
  const lost: LostItem[] = [];
  const object = predictLive(have, manifest.object, lastApplied, lost);
  if (!lastApplied) notes.withoutAnnotation.push(manifest);
  if (kept.length) result.findings.push(keptKeys(manifest, kept));
  for (const item of lost) result.findings.push(lostItem(manifest, item));
  pushPredicted(result, manifest, have, object);
}

/** The predicted live object in the manifest's place (server fields and status left out). */
function pushPredicted(result: AppliedManifests, manifest: Manifest, live: KubeObject, predicted: KubeObject): void {
  const object = withoutTopServerFields(predicted);
  // Another version of the same group is the same stored object, read in another version.
  if (groupOf(String(live.apiVersion)) === groupOf(String(object.apiVersion))) object.apiVersion = live.apiVersion;
  const replaced: Manifest = { ...manifest, object };
  result.originalOf.set(replaced, manifest);
  result.manifests.push(replaced);
}

function identityOf(object: KubeObject, options: PredictOptions): string {
  // Only what names the object: copying its whole metadata for every pair costs.
  const { name, namespace, generateName } = isObject(object.metadata) ? object.metadata : {};
  const metadata: Record<string, unknown> = { name, namespace, generateName };
  placeInNamespace(metadata, object, options.clusterScoped, options.namespace);
  return identityKey(refOf({ apiVersion: object.apiVersion, kind: object.kind, metadata }));
}

/** One finding for the run, at the first manifest concerned: kubectl warns once per object. */
function withoutLastApplied(manifests: readonly Manifest[]): Finding {
  const first = manifests[0]!;
  const others = manifests.length > 1 ? ` and ${manifests.length - 1} other live object(s)` : '';
  return findingAt(first, {
    ruleId: 'diff-no-last-applied',
    severity: 'info',
    pointer: '/metadata',
    phase: 'diff',
    message: `the live ${describeRef(first.ref)}${others} ${others ? 'have' : 'has'} no ${LAST_APPLIED} annotation (not made by kubectl apply): kubectl apply removes no field from ${others ? 'them' : 'it'}, it only sets those the manifests have (--whole-object compares whole objects)`,
  });
}

function lostItem(manifest: Manifest, item: LostItem): Finding {
  const value = JSON.stringify(item.value);
  return findingAt(manifest, {
    ruleId: 'diff-apply-loses-item',
    severity: 'warning',
    pointer: item.pointer,
    phase: 'diff',
    message: `kubectl apply merges ${fieldPath(item.list)} by ${item.mergeKey} alone, and an earlier item has ${item.mergeKey} ${value} too: updating the live ${describeRef(manifest.ref)} keeps only the first, so this one never reaches the cluster (kubectl apply --server-side, or replace, keeps both)`,
  });
}

function keptKeys(manifest: Manifest, keys: readonly string[]): Finding {
  const names = keys.map((k) => JSON.stringify(k)).join(', ');
  return findingAt(manifest, {
    ruleId: 'diff-apply-keeps-secret-key',
    severity: 'warning',
    pointer: isObject(manifest.object.stringData) ? '/stringData' : '/metadata/name',
    phase: 'diff',
    message: `${describeRef(manifest.ref)} keeps ${keys.length === 1 ? 'key' : 'keys'} ${names} although the manifest drops ${keys.length === 1 ? 'it' : 'them'}: the last apply wrote ${keys.length === 1 ? 'it' : 'them'} under stringData, which the API server stores only as data, so kubectl apply finds nothing to remove (delete ${keys.length === 1 ? 'it' : 'them'} with kubectl edit or kubectl patch)`,
  });
}

/** One finding for the run: without managedFields, who owns what is a guess. */
function noManagedFields(manifests: readonly Manifest[]): Finding {
  const first = manifests[0]!;
  const others = manifests.length > 1 ? ` and ${manifests.length - 1} other live object(s)` : '';
  return findingAt(first, {
    ruleId: 'diff-no-managed-fields',
    severity: 'info',
    pointer: '/metadata',
    phase: 'diff',
    message: `the live ${describeRef(first.ref)}${others} ${others ? 'come' : 'comes'} without metadata.managedFields (kubectl get leaves them out unless given --show-managed-fields): who owns which field is unknown, so no conflict is predicted and only the fields of the last apply (${LAST_APPLIED}) that the manifest drops are removed`,
  });
}

/** The API server refuses the apply: nothing of the manifest reaches the cluster. */
function refusedApply(manifest: Manifest, predicted: ServerSidePrediction): Finding {
  const conflicts = predicted.conflicts ?? [];
  const first = conflicts[0]?.paths[0];
  const advice = conflicts.length
    ? ': nothing of this manifest is applied (--force-conflicts takes the fields over; or leave them out of the manifest)'
    : '';
  return findingAt(manifest, {
    ruleId: 'diff-apply-refused',
    severity: 'error',
    pointer: (first && pointerIn(manifest.object, first)) ?? '/metadata/name',
    phase: 'diff',
    message: `kubectl apply --server-side of ${describeRef(manifest.ref)} fails: ${predicted.refused}${advice}`,
  });
}
