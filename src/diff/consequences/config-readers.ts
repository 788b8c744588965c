import { configReferences } from '../../lint/config-references.js';
import { plural } from '../../model/plural.js';
import { containersOf, podTemplateOf, type PodTemplate } from '../../lint/pod-templates.js';
import { asObject, asString, objectsIn } from '../../lint/shape.js';
import { findingAt, type Finding } from '../../model/finding.js';
import type { KubeObject } from '../../model/manifest.js';
import { describeRef, groupOf, identityKey, type ObjectRef } from '../../model/object-ref.js';
import { controllerUidOf, namespaceOf, refOf } from '../../simulate/state.js';
import { deepEqual, isObject, type JsonObject } from '../json.js';
import type { ObjectChange } from '../types.js';
import { ClusterIndex, isScheduled } from './cluster-index.js';
import type { Transition } from './transition.js';
import type { ConfigChange, ConfigReader, WorkloadConsequence } from './types.js';

/** Kinds whose pods keep running across a config change, `<group>/<kind>`; owned ReplicaSets and pods are read through their owner. */
const READER_KINDS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', '/ReplicationController', '/Pod']);

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
export function configConsequences(changes: readonly ObjectChange[], transition: Transition, workloads: readonly WorkloadConsequence[]): { configs: ConfigChange[]; findings: Finding[] } {
  const replaced = new Set(workloads.filter(rollsOutItsPods).map((w) => identityKey(w.ref)));
  const before = new ClusterIndex(transition.before.state);
  const readers = transition.after.state.objects.filter((o) => READER_KINDS.has(`${groupOf(String(o.apiVersion))}/${o.kind}`) && !controllerUidOf(o));
  const configs: ConfigChange[] = [];
  const findings: Finding[] = [];
  for (const change of changes) {
    if (change.action !== 'update' || change.refused || change.ref.apiVersion !== 'v1' || (change.ref.kind !== 'ConfigMap' && change.ref.kind !== 'Secret')) continue;
    const keys = changedKeys(change.before, change.after);
    if (!keys.length) continue;
    const found: ConfigReader[] = [];
    for (const workload of readers) {
      if (namespaceOf(workload) !== (change.ref.namespace ?? 'default') || replaced.has(identityKey(refOf(workload)))) continue;
      const running = runningPods(before, workload);
      // The running pods were made from the template the workload had before the apply.
      const current = before.get(refOf(workload)) ?? workload;
      const template = running ? podTemplateOf({ ref: refOf(current), object: current }) : undefined;
      const reader = template && howItReads(template, change.ref, keys);
      if (reader) found.push({ workload: refOf(workload), pods: running, ...reader });
    }
    if (!found.length) continue;
    const config: ConfigChange = { config: change.ref, keys, readers: found };
    configs.push(config);
    const stale = found.filter((r) => r.env || r.subPath);
    if (stale.length && change.desired) {
      findings.push(findingAt(change.desired, {
        ruleId: 'config-change-not-rolled-out',
        severity: 'warning',
        pointer: keyPointer(change.desired.object, keys[0]!),
        phase: 'diff',
        message: `${describeRef(change.ref)} changes (${keysText(keys)}), but nothing restarts the pods that read it at start: ${listText(stale.map(staleText))} ${stale.length === 1 ? 'keeps the old values until its pods restart' : 'keep the old values until their pods restart'}`,
        remediation: 'roll the readers out with the change: put a hash of the data in an annotation of their pod templates, or give the changed config a new name and point the templates at it; otherwise restart them after the apply',
      }));
    }
  }
  return { configs, findings };
}

/**
 * A rollout that replaces every pod (its new pods read the new values), a new or deleted
 * workload. OnDelete replaces none, a StatefulSet partition keeps the pods below it.
 */
function rollsOutItsPods(w: WorkloadConsequence): boolean {
  return w.change === 'create' || w.change === 'delete' || (w.change === 'rollout' && w.rollout?.strategy !== 'OnDelete' && !w.rollout?.partition);
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

/** How a pod template reads the config, counting only references that see one of the changed keys. */
function howItReads(template: PodTemplate, config: ObjectRef, keys: readonly string[]): Omit<ConfigReader, 'workload' | 'pods'> | undefined {
  const changed = new Set(keys);
  const volumes = objectsIn(template.spec.volumes);
  const subPathVolumes = new Set(
    containersOf(template, ['initContainers', 'containers', 'ephemeralContainers'])
      .flatMap((c) => objectsIn(c.container.volumeMounts).map((m) => m.item))
      .filter((m) => asString(m.subPath) || asString(m.subPathExpr))
      .map((m) => asString(m.name)),
  );
  let env = false;
  let subPath = false;
  const inPlace = new Set<string>();
  for (const ref of configReferences(template)) {
    if (ref.kind !== config.kind || ref.name !== config.name || (ref.key !== undefined && !changed.has(ref.key))) continue;
    const volume = /\/volumes\/(\d+)\//.exec(ref.pointer);
    if (!volume) {
      env ||= /\/env(From)?\//.test(ref.pointer);
      continue;
    }
    const name = asString(asObject(volumes[Number(volume[1])]?.item)?.name) ?? '';
    if (subPathVolumes.has(name)) subPath = true;
    else inPlace.add(name);
  }
  if (!env && !subPath && !inPlace.size) return undefined;
  return { env, subPath, volumes: [...inPlace].sort() };
}

function keyPointer(object: KubeObject, key: string): string {
  for (const field of ['data', 'stringData', 'binaryData']) if (isObject(object[field]) && key in (object[field] as JsonObject)) return `/${field}/${key}`;
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
  return keys.length > shown.length ? `keys ${shown.join(', ')} and ${keys.length - shown.length} more` : `keys ${listText(shown)}`;
}

/** `Deployment shop/web (2 pods, environment variables)`. */
function staleText(r: ConfigReader): string {
  const how = [r.env ? 'environment variables' : '', r.subPath ? 'a subPath mount' : ''].filter(Boolean).join(' and ');
  return `${describeRef(r.workload)} (${plural(r.pods, 'pod')}, ${how})`;
}
