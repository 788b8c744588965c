import { configReferences } from '../../lint/config-references.js';
import { plural } from '../../model/plural.js';
import { findingAt, type Finding } from '../../model/finding.js';
import type { KubeObject } from '../../model/manifest.js';
import { describeRef, identityKey, type ObjectRef, namespaceOf, refOf } from '../../model/object-ref.js';
import { groupKindOfObject } from '../../model/group-kind.js';
import { DEFAULT_NAMESPACE } from '../../model/namespace-scope.js';
import { hasTrait } from '../../model/workload-kinds.js';
import { sameTemplate } from '../../simulate/objects/template-equality.js';
import type { ObjectChange } from '../types.js';
import { type ClusterIndex, isScheduled, type TransitionIndex } from './cluster-index.js';
import type { ConfigChange, ConfigReader, WorkloadConsequence } from './types.js';
import { type JsonObject, asObject, asString, deepEqual, indexedObjectsIn, isObject } from '../../model/json.js';
import { containersOf } from '../../model/containers.js';
import { type PodTemplate, podTemplateOf } from '../../model/pod-template.js';
import { controllerUidOf } from '../../model/owner-chain.js';

/**
 * Whether an object's pods keep running across a config change: those of serving workloads and
 * bare Pods. Owned ReplicaSets and pods are read through their owner.
 */
function keepsRunning(object: KubeObject): boolean {
  const kind = groupKindOfObject(object);
  return kind === 'Pod' || hasTrait(kind, 'serving');
}

/**
 * A workload that rolls out but whose controller the plan does not run (an Argo Rollout): its
 * pods come from the current cluster, and a changed template replaces them all the same.
 */
function rollsOutUnplanned(current: KubeObject, next: KubeObject): boolean {
  const kind = groupKindOfObject(next);
  return (
    hasTrait(kind, 'rollsOut') &&
    !hasTrait(kind, 'runsInPlan') &&
    !sameTemplate(podTemplateOf(current)?.template, podTemplateOf(next)?.template)
  );
}

/** The fields of a ConfigMap or Secret that hold its values (normalized: `stringData` is folded into `data`). */
const VALUE_FIELDS = ['data', 'binaryData'];

/**
 * Who reads each changed ConfigMap or Secret, and whether the change reaches them. Running pods
 * read environment variables (`env`, `envFrom`) and `subPath` mounts once, at start: they keep
 * the old values until they restart, and nothing restarts them unless their own template changes
 * in the same apply. Volumes are updated in place by the kubelet (within its sync period, about
 * a minute). Only readers of a changed key count: an env var of another key, or a volume that
 * projects other keys, sees nothing. A reader with running pods that misses the change is a
 * warning at the config (`config-change-not-rolled-out`).
 */
export function configConsequences(
  changes: readonly ObjectChange[],
  index: TransitionIndex,
  workloads: readonly WorkloadConsequence[],
): { configs: ConfigChange[]; findings: Finding[] } {
  const readers = runningReaders(index, workloads);
  const configs: ConfigChange[] = [];
  const findings: Finding[] = [];
  for (const change of changes) {
    if (
      change.action !== 'update' ||
      change.refused ||
      change.ref.apiVersion !== 'v1' ||
      (change.ref.kind !== 'ConfigMap' && change.ref.kind !== 'Secret')
    )
      continue;
    const keys = changedKeys(change.before, change.after);
    if (!keys.length) continue;
    const found: ConfigReader[] = [];
    for (const reader of readers) {
      if (reader.namespace !== (change.ref.namespace ?? DEFAULT_NAMESPACE)) continue;
      const how = howItReads(reader.reads, change.ref, keys);
      if (how) found.push({ workload: reader.workload, pods: reader.pods, ...how });
    }
    if (!found.length) continue;
    const config: ConfigChange = { config: change.ref, keys, readers: found };
    configs.push(config);
    const stale = found.filter((r) => r.env || r.subPath);
    if (stale.length && change.desired) {
      findings.push(
        findingAt(change.desired, {
          ruleId: 'config-change-not-rolled-out',
          severity: 'warning',
          pointer: keyPointer(change.desired.object, keys[0]!),
          phase: 'diff',
          message: `${describeRef(change.ref)} changes (${keysText(keys)}), but nothing restarts the pods that read it at start: ${listText(stale.map(staleText))} ${stale.length === 1 ? 'keeps the old values until its pods restart' : 'keep the old values until their pods restart'}`,
          remediation:
            'roll the readers out with the change: put a hash of the data in an annotation of their pod templates, or give the changed config a new name and point the templates at it; otherwise restart them after the apply',
        }),
      );
    }
  }
  return { configs, findings };
}

/**
 * A rollout that replaces every pod (its new pods read the new values), a new or deleted
 * workload. OnDelete replaces none, a StatefulSet partition keeps the pods below it.
 */
function rollsOutItsPods(w: WorkloadConsequence): boolean {
  return (
    w.change === 'create' ||
    w.change === 'delete' ||
    (w.change === 'rollout' && w.rollout?.strategy !== 'OnDelete' && !w.rollout?.partition)
  );
}

function runningPods(index: ClusterIndex, workload: KubeObject): number {
  if (workload.kind === 'Pod') return index.get(refOf(workload)) && isScheduled(workload) ? 1 : 0;
  const now = index.get(refOf(workload));
  return now ? index.pods(now).filter(isScheduled).length : 0;
}

/** The keys whose value differs between the two normalized sides (masked Secret values differ when changed). */
export function changedKeys(before: KubeObject | undefined, after: KubeObject | undefined): string[] {
  const keys = new Set<string>();
  for (const field of VALUE_FIELDS) {
    const a = isObject(before?.[field]) ? (before![field] as JsonObject) : {};
    const b = isObject(after?.[field]) ? (after![field] as JsonObject) : {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (!deepEqual(a[key], b[key])) keys.add(key);
  }
  return [...keys].sort();
}

/** One reference of a pod template to a ConfigMap or Secret, and how its pods read it. */
interface Read {
  kind: string;
  name: string;
  key?: string;
  /** Environment variables, a `subPath` mount, or a volume (by name) the kubelet updates in place. */
  how: 'env' | 'subPath' | { volume: string };
}

/** A workload with running pods that the apply does not replace, and what its pods read. */
interface RunningReader {
  workload: ObjectRef;
  namespace: string;
  pods: number;
  reads: Read[];
}

/**
 * Every top-level workload of the new state with running pods that the apply does not replace,
 * with the references of the template those pods were made from (the one before the apply).
 */
function runningReaders(index: TransitionIndex, workloads: readonly WorkloadConsequence[]): RunningReader[] {
  const replaced = new Set(workloads.filter(rollsOutItsPods).map((w) => identityKey(w.ref)));
  const readers: RunningReader[] = [];
  for (const workload of index.after.objects) {
    if (!keepsRunning(workload) || controllerUidOf(workload) || replaced.has(identityKey(refOf(workload)))) continue;
    const pods = runningPods(index.before, workload);
    const current = index.before.get(refOf(workload)) ?? workload;
    if (rollsOutUnplanned(current, workload)) continue;
    const template = pods ? podTemplateOf(current) : undefined;
    if (template)
      readers.push({ workload: refOf(workload), namespace: namespaceOf(workload), pods, reads: readsOf(template) });
  }
  return readers;
}

/** The ConfigMap and Secret references of a pod template, each with how the pods read it (env, subPath, volume). */
function readsOf(template: PodTemplate): Read[] {
  const volumes = indexedObjectsIn(template.spec.volumes);
  const subPathVolumes = new Set(
    containersOf(template, ['initContainers', 'containers', 'ephemeralContainers'])
      .flatMap((c) => indexedObjectsIn(c.container.volumeMounts).map((m) => m.item))
      .filter((m) => asString(m.subPath) || asString(m.subPathExpr))
      .map((m) => asString(m.name)),
  );
  const reads: Read[] = [];
  for (const ref of configReferences(template)) {
    const base = { kind: ref.kind, name: ref.name, ...(ref.key !== undefined ? { key: ref.key } : {}) };
    const volume = /\/volumes\/(\d+)\//.exec(ref.pointer);
    if (!volume) {
      if (/\/env(From)?\//.test(ref.pointer)) reads.push({ ...base, how: 'env' });
      continue;
    }
    const name = asString(asObject(volumes[Number(volume[1])]?.item)?.name) ?? '';
    reads.push({ ...base, how: subPathVolumes.has(name) ? 'subPath' : { volume: name } });
  }
  return reads;
}

/** How a workload's pods read the config, counting only references that see one of the changed keys. */
function howItReads(
  reads: readonly Read[],
  config: ObjectRef,
  keys: readonly string[],
): Omit<ConfigReader, 'workload' | 'pods'> | undefined {
  const changed = new Set(keys);
  let env = false;
  let subPath = false;
  const inPlace = new Set<string>();
  for (const read of reads) {
    if (read.kind !== config.kind || read.name !== config.name || (read.key !== undefined && !changed.has(read.key)))
      continue;
    if (read.how === 'env') env = true;
    else if (read.how === 'subPath') subPath = true;
    else inPlace.add(read.how.volume);
  }
  if (!env && !subPath && !inPlace.size) return undefined;
  return { env, subPath, volumes: [...inPlace].sort() };
}

function keyPointer(object: KubeObject, key: string): string {
  for (const field of ['data', 'stringData', 'binaryData'])
    if (isObject(object[field]) && key in (object[field] as JsonObject)) return `/${field}/${key}`;
  return isObject(object.data) ? '/data' : '';
}

/** `a`, `a and b`, `a, b and c`. */
function listText(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `key LOG_LEVEL`, `keys A, B and C`, at most five named. */
export function keysText(keys: readonly string[]): string {
  if (keys.length === 1) return `key ${keys[0]}`;
  const shown = keys.slice(0, 5);
  return keys.length > shown.length
    ? `keys ${shown.join(', ')} and ${keys.length - shown.length} more`
    : `keys ${listText(shown)}`;
}

/** `Deployment shop/web (2 pods, environment variables)`. */
function staleText(r: ConfigReader): string {
  const how = [r.env ? 'environment variables' : '', r.subPath ? 'a subPath mount' : ''].filter(Boolean).join(' and ');
  return `${describeRef(r.workload)} (${plural(r.pods, 'pod')}, ${how})`;
}
