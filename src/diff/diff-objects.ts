import { compareFindings, findingAt, type Finding } from '../model/finding.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import { groupKind } from '../model/group-kind.js';
import { type ClusterScopedCustomKinds, clusterScopedCustomKinds } from '../model/namespace-scope.js';
import { describeRef, groupOf, identityKey, type ObjectRef, refOf } from '../model/object-ref.js';
import { isCyclic } from '../model/copy-json.js';
import { alignTo } from './align.js';
import { dropClusterFilledFields } from './cluster-filled.js';
import { isClusterGenerated } from './cluster-generated.js';
import { compareRefs } from './identity.js';
import type { IgnoreRule } from './ignore-rules.js';
import { immutableFieldFindings, type UpdateContext } from './immutable-fields.js';
import { createJsonPatch } from './json-patch.js';
import { shapeOf } from './merge-keys.js';
import { normalizeObject, type NormalizeOptions } from './normalize.js';
import { equalizeQuantities } from './quantities.js';
import { maskSecretPair } from './secret-mask.js';
import { CHANGE_ACTIONS, type ChangeAction, type ObjectChange, type ObjectDiff } from './types.js';
import { DEFAULT_CONTEXT, unifiedText } from './unified-text.js';
import { deepEqual } from '../model/json.js';

export interface DiffObjectsOptions {
  /** Namespace of namespaced objects that set none (`--namespace`, default `default`). */
  namespace?: string;
  /** Objects only on the current side are deleted (`--prune`) rather than listed as unmanaged. */
  prune?: boolean;
  /** User rules (`.kubeplan.yaml` `diff.ignoreDifferences`). */
  ignore?: readonly IgnoreRule[];
  /** Lines of context in unified text (default 3). */
  context?: number;
  /** CustomResourceDefinitions given beside the input (`--crd`): which custom kinds are cluster-scoped. */
  crds?: readonly Manifest[];
  /** The cluster-scoped custom kinds when the caller knows them already; else read from both sides and `crds`. */
  clusterScoped?: ClusterScopedCustomKinds;
  /**
   * Desired objects predicted as the apply stores them (predict-applied.ts): their lists are in
   * the stored order, so they are compared item by item in place, and a new order is a change.
   * Other objects are manifests, whose keyed lists are matched by key (a reorder is no change).
   */
  stored?: ReadonlySet<Manifest>;
}

/** One side's object, normalized, with the manifest it came from. */
interface SideObject {
  manifest: Manifest;
  object: KubeObject;
  ref: ObjectRef;
}

/**
 * Compares the objects of two states (what the cluster has, what the manifests say): both
 * sides normalized the same way, matched by identity (group, kind, namespace, name), each pair
 * classified as create / update / delete / unchanged / unmanaged with its RFC 6902 patch and
 * unified text, Secret values masked. Pure: same input, same output, in identity order.
 */
export function diffObjects(
  current: readonly Manifest[],
  desired: readonly Manifest[],
  options: DiffObjectsOptions = {},
): ObjectDiff {
  const findings: Finding[] = [];
  const normalize: NormalizeOptions = {
    ...(options.namespace ? { namespace: options.namespace } : {}),
    clusterScoped:
      options.clusterScoped ??
      clusterScopedCustomKinds([...current, ...desired, ...(options.crds ?? [])].map((m) => m.object)),
    ...(options.ignore ? { ignore: options.ignore } : {}),
  };
  const currentByKey = indexSide(current, normalize, findings);
  const desiredByKey = indexSide(desired, normalize, findings);

  const context = updateContext(currentByKey, desiredByKey);
  const changes: ObjectChange[] = [];
  let generated = 0;
  let outside = 0;
  for (const [key, want] of desiredByKey) {
    const have = currentByKey.get(key);
    changes.push(have ? compareSides(have, want, options, findings, context) : created(want, options));
  }
  const inScope = scopeOf([...desiredByKey.values()].map((d) => d.ref));
  for (const [key, have] of currentByKey) {
    if (desiredByKey.has(key)) continue;
    if (isClusterGenerated(have.object)) generated++;
    else if (!inScope(have.ref)) outside++;
    else
      changes.push(
        options.prune
          ? deleted(have, options)
          : { ref: have.ref, action: 'unmanaged', current: have.manifest, patch: [], text: '' },
      );
  }
  changes.sort((a, b) => compareRefs(a.ref, b.ref));
  const counts = Object.fromEntries(CHANGE_ACTIONS.map((a) => [a, 0])) as Record<ChangeAction, number>;
  for (const change of changes) counts[change.action]++;
  return { changes, findings: findings.sort(compareFindings), counts, generated, outside };
}

/**
 * Which objects of the current side the manifests answer for: those in a namespace the
 * manifests use (the Namespace object included), and cluster-scoped ones of a kind the
 * manifests have. Everything else in a cluster dump belongs to someone else.
 */
function scopeOf(desired: readonly ObjectRef[]): (ref: ObjectRef) => boolean {
  const namespaces = new Set(desired.map((r) => r.namespace).filter((n): n is string => n !== undefined));
  const kinds = new Set(desired.filter((r) => r.namespace === undefined).map((r) => groupKind(r.apiVersion, r.kind)));
  return (ref) => {
    if (ref.namespace !== undefined) return namespaces.has(ref.namespace);
    if (ref.kind === 'Namespace' && groupOf(ref.apiVersion) === '') return namespaces.has(ref.name);
    return kinds.has(groupKind(ref.apiVersion, ref.kind));
  };
}

/**
 * Normalizes one side and indexes it by identity. An object defined twice is reported at its
 * second definition, which wins (as the second `kubectl apply` of it would); an object without a
 * name (`generateName`) cannot be matched and is reported and left out.
 */
function indexSide(
  manifests: readonly Manifest[],
  options: NormalizeOptions,
  findings: Finding[],
): Map<string, SideObject> {
  const byKey = new Map<string, SideObject>();
  for (const manifest of manifests) {
    const object = normalizeOrReport(manifest, options, findings);
    if (!object) continue;
    const ref = refOf(object);
    if (ref.name === '') {
      findings.push(
        findingAt(manifest, {
          ruleId: 'diff-unnamed-object',
          severity: 'info',
          pointer: '/metadata',
          phase: 'diff',
          message: `${ref.kind} has no metadata.name (generateName makes a new object on every create); it is not compared`,
        }),
      );
      continue;
    }
    const key = identityKey(ref);
    const first = byKey.get(key);
    if (first) {
      findings.push(
        findingAt(manifest, {
          ruleId: 'diff-duplicate-object',
          severity: 'warning',
          pointer: '/metadata/name',
          phase: 'diff',
          message: `${describeRef(ref)} is defined twice (also at ${first.manifest.source.file}:${first.manifest.locate('').line}); this later definition is compared`,
        }),
      );
    }
    byKey.set(key, { manifest, object, ref });
  }
  return byKey;
}

/**
 * The normalized object, or undefined after reporting an object that contains itself through
 * YAML aliases (`data: &d {self: *d}`): it has no JSON form, kubectl cannot send it, and walking
 * it never ends. Checked only when normalizing fails, so that it costs nothing otherwise.
 */
function normalizeOrReport(manifest: Manifest, options: NormalizeOptions, findings: Finding[]): KubeObject | undefined {
  try {
    return normalizeObject(manifest.object, options);
  } catch (error) {
    if (!(error instanceof RangeError) || !isCyclic(manifest.object)) throw error;
    findings.push(
      findingAt(manifest, {
        ruleId: 'diff-cyclic-object',
        severity: 'error',
        pointer: '',
        phase: 'diff',
        message: `${manifest.ref.kind} ${manifest.ref.name} contains itself through a YAML alias, which has no JSON form (kubectl cannot send it); it is not compared`,
      }),
    );
    return undefined;
  }
}

/** The StorageClasses a claim's update depends on, by name: the desired one where both sides have it. */
function updateContext(...sides: ReadonlyArray<Map<string, SideObject>>): UpdateContext {
  const classes = new Map<string, KubeObject>();
  for (const side of sides)
    for (const { object, ref } of side.values())
      if (ref.kind === 'StorageClass' && groupOf(ref.apiVersion) === 'storage.k8s.io') classes.set(ref.name, object);
  return { storageClass: (name) => classes.get(name) };
}

function compareSides(
  have: SideObject,
  want: SideObject,
  options: DiffObjectsOptions,
  findings: Finding[],
  context: UpdateContext,
): ObjectChange {
  const base = { ref: want.ref, desired: want.manifest, current: have.manifest };
  // Most objects are the same as they are (key order aside); only the others need aligning.
  const same = deepEqual(have.object, want.object);
  const aligned = same ? want.object : alignedCurrent(have.object, want, options);
  if (same || deepEqual(aligned, want.object)) {
    const [before, after] = maskSecretPair(aligned, want.object);
    return {
      ref: base.ref,
      desired: base.desired,
      current: base.current,
      action: 'unchanged',
      before: before!,
      after: after!,
      patch: [],
      text: '',
    };
  }
  const immutable = immutableFieldFindings(want.ref, aligned, want.object, want.manifest, context);
  for (const finding of immutable.findings) findings.push(finding);
  const [before, after] = maskSecretPair(aligned, want.object);
  return {
    ...base,
    action: 'update',
    ...(immutable.refused ? { refused: immutable.refused } : {}),
    before: before!,
    after: after!,
    patch: createJsonPatch(before, after, shapeOf(want.object)),
    text: unifiedText(want.ref, before, after, options.context ?? DEFAULT_CONTEXT),
  };
}

/** The current object aligned to the desired one, without the fields the cluster fills in that the desired one leaves out. */
function alignedCurrent(current: KubeObject, want: SideObject, options: DiffObjectsOptions): KubeObject {
  const listsByKey = options.stored?.has(want.manifest) ? undefined : shapeOf(want.object);
  const aligned = alignTo(current, want.object, listsByKey) as KubeObject;
  dropClusterFilledFields(aligned, want.object);
  equalizeQuantities(aligned, want.object);
  return aligned;
}

function created(want: SideObject, options: DiffObjectsOptions): ObjectChange {
  const [, after] = maskSecretPair(undefined, want.object);
  return {
    ref: want.ref,
    action: 'create',
    desired: want.manifest,
    after: after!,
    patch: [{ op: 'add', path: '', value: after }],
    text: unifiedText(want.ref, undefined, after, options.context ?? DEFAULT_CONTEXT),
  };
}

function deleted(have: SideObject, options: DiffObjectsOptions): ObjectChange {
  const [before] = maskSecretPair(have.object, undefined);
  return {
    ref: have.ref,
    action: 'delete',
    current: have.manifest,
    before: before!,
    patch: [{ op: 'remove', path: '' }],
    text: unifiedText(have.ref, before, undefined, options.context ?? DEFAULT_CONTEXT),
  };
}
