import type { ClusterEvent } from '../model/cluster-state.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import {
  groupOf,
  identityKey,
  keyOf,
  nameOf,
  namespaceOf,
  objectKey,
  type ObjectRef,
  refOf,
} from '../model/object-ref.js';
import { deterministicUid, generatedName } from './objects/names.js';
import { asString, isObject } from '../model/json.js';
import { type ControllerRef, controllerUidOf, topController, topControllerLookup } from '../model/owner-chain.js';

/** An object of the simulated cluster with what the simulation knows about it. */
export interface Entry {
  object: KubeObject;
  /** Creation order in the simulation: objects of `--current` first, then input, then created ones. */
  seq: number;
  /** The manifest that led to this object (its own, or its owner's), for positioned findings. */
  origin?: Manifest;
}

/** A problem found while simulating, reported as a finding at `entry.origin` by the plan. */
export interface SimulationProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  origin?: Manifest;
  pointer: string;
}

export function metadataOf(object: KubeObject): Record<string, unknown> {
  if (!isObject(object.metadata)) object.metadata = {};
  return object.metadata as Record<string, unknown>;
}

export function uidOf(object: KubeObject): string {
  return String((object.metadata as { uid?: unknown } | undefined)?.uid ?? '');
}

/**
 * The simulated cluster: objects by identity, the events so far, and a count of changes that
 * tells the controller loop when nothing moves any more. Controllers read it and change it only
 * through `create`, `replace` and `remove`, so every change is counted. A stored object is never
 * changed in place: a new version is a new object (`revised`) that shares the parts it did not
 * change with the old one, so versions held elsewhere (the scheduler's input, caches keyed by
 * object) stay true.
 */
export class SimulationState {
  private readonly entries = new Map<string, Entry>();
  /** Indexes kept in step with `entries`; a Map iterates in insertion order, which is creation order. */
  private readonly byKind = new Map<string, Map<string, Entry>>();
  private readonly byOwner = new Map<string, Map<string, Entry>>();
  private nextSeq = 0;
  readonly events: ClusterEvent[] = [];
  readonly problems: SimulationProblem[] = [];
  /** Incremented on every create, replace and remove. */
  changes = 0;
  /** Pods removed so far: a removal frees room, so the scheduler retries pods that did not fit. */
  removedPods = 0;
  /** Events and problems already reported once, so a controller retrying every round does not repeat them. */
  private readonly reported = new Set<string>();
  /** Per namespace and generateName: the n below which every generated pod name is taken. */
  private readonly nameCursors = new Map<string, number>();
  /** Identity keys of removed pods: their names are not given again, so events name one pod each. */
  private readonly retiredPods = new Set<string>();
  /**
   * Every pod added or removed, in order: what follows a namespace's usage of its quotas without
   * adding up all of its pods for each new one (admission/quota-usage.ts).
   */
  readonly podLog: Array<{ added: boolean; key: string; object: KubeObject }> = [];

  /**
   * `recordEvents` false: events are dropped rather than kept, for callers that never read them
   * (the diff's transition), so a run does not hold an event for every pod it creates and places.
   */
  constructor(
    readonly now: string,
    private readonly recordEvents = true,
  ) {}

  /** Adds an object, giving it a deterministic uid and the simulation's time when it has none. */
  create(object: KubeObject, origin?: Manifest): Entry {
    const metadata = metadataOf(object);
    const key = objectKey(object);
    metadata.uid ??= deterministicUid(key);
    metadata.creationTimestamp ??= this.now;
    const entry: Entry = { object, seq: this.nextSeq++, ...(origin ? { origin } : {}) };
    const previous = this.entries.get(key);
    if (previous) {
      // Deleted first, so the new entry goes to the end of every map: maps stay in `seq` order.
      this.unindex(key, previous);
      this.entries.delete(key);
      if (previous.object.kind === 'Pod') this.podLog.push({ added: false, key, object: previous.object });
    }
    this.entries.set(key, entry);
    this.index(key, entry);
    if (object.kind === 'Pod') this.podLog.push({ added: true, key, object });
    this.changes++;
    return entry;
  }

  /** Replaces an object by one with the same identity, keeping its place and origin. */
  replace(object: KubeObject): void {
    const key = objectKey(object);
    const entry = this.entries.get(key);
    if (!entry) throw new Error(`kubeplan: no ${refOf(object).kind} ${nameOf(object)} to replace`);
    const previous = entry.object;
    entry.object = object;
    // The kind is part of the key, so the entry keeps its place in `byKind`; only a new
    // controller moves it between owners, where it is put back in creation order. A version that
    // keeps the metadata object (as `revised` versions do) keeps its owner references.
    if (object.metadata !== previous.metadata) {
      const oldOwner = controllerUidOf(previous);
      const owner = controllerUidOf(object);
      if (owner !== oldOwner) {
        if (oldOwner) this.byOwner.get(oldOwner)?.delete(key);
        if (owner) this.addInOrder(this.byOwner, owner, key, entry);
      }
    }
    this.changes++;
  }

  remove(object: KubeObject): void {
    const key = objectKey(object);
    const entry = this.entries.get(key);
    if (!entry) return;
    this.unindex(key, entry);
    this.entries.delete(key);
    if (entry.object.kind === 'Pod') {
      this.removedPods++;
      this.retiredPods.add(key);
      this.podLog.push({ added: false, key, object: entry.object });
    }
    this.changes++;
  }

  /** Indexes a new entry: it has the highest `seq`, so appending keeps every map in creation order. */
  private index(key: string, entry: Entry): void {
    addTo(this.byKind, String(entry.object.kind), key, entry);
    const owner = controllerUidOf(entry.object);
    if (owner) addTo(this.byOwner, owner, key, entry);
  }

  /** Adds an older entry to an index map, rebuilding the map when it would land out of order. */
  private addInOrder(map: Map<string, Map<string, Entry>>, k: string, key: string, entry: Entry): void {
    const inner = map.get(k) ?? new Map<string, Entry>();
    inner.set(key, entry);
    const entries = [...inner];
    if (entries.length > 1 && entries.at(-2)![1].seq > entry.seq) entries.sort(([, a], [, b]) => a.seq - b.seq);
    map.set(k, new Map(entries));
  }

  private unindex(key: string, entry: Entry): void {
    this.byKind.get(String(entry.object.kind))?.delete(key);
    const owner = controllerUidOf(entry.object);
    if (owner) this.byOwner.get(owner)?.delete(key);
  }

  get(ref: ObjectRef): Entry | undefined {
    return this.entries.get(identityKey(ref));
  }

  has(ref: ObjectRef): boolean {
    return this.entries.has(identityKey(ref));
  }

  /** Entries of one kind (and API group when given), in creation order (the maps keep it). */
  list(kind: string, group?: string): Entry[] {
    const out: Entry[] = [];
    // Loops rather than a spread and a filter: controllers list every kind every round.
    for (const entry of this.byKind.get(kind)?.values() ?? [])
      if (group === undefined || groupOf(asString(entry.object.apiVersion) ?? '') === group) out.push(entry);
    return out;
  }

  /** Every entry, in creation order. */
  all(): Entry[] {
    return [...this.entries.values()];
  }

  /** Entries whose controller owner reference points at `uid` (of one kind when given), in creation order. */
  ownedBy(uid: string, kind?: string): Entry[] {
    const out: Entry[] = [];
    for (const entry of this.byOwner.get(uid)?.values() ?? []) if (!kind || entry.object.kind === kind) out.push(entry);
    return out;
  }

  /**
   * A free name for a new pod from its `generateName` (`generatedName`: the first free candidate
   * n = 0, 1, ...), never the name of a pod removed during the run. The search resumes where the
   * last one for the same prefix stopped, since no name below it becomes free again: a ReplicaSet
   * of 1,000 pods costs 1,000 tries, not 500,000.
   */
  generatePodName(namespace: string, generateName: string): string {
    const key = `${namespace}/${generateName}`;
    const taken = (candidate: string): boolean => {
      const podKey = identityKey({ apiVersion: 'v1', kind: 'Pod', namespace, name: candidate });
      return this.entries.has(podKey) || this.retiredPods.has(podKey);
    };
    const { name, n } = generatedName(generateName, taken, this.nameCursors.get(key) ?? 0);
    // Not n + 1: the caller may fail to create the pod, leaving this name free.
    this.nameCursors.set(key, n);
    return name;
  }

  /**
   * The workload at the top of an object's controller chain (the Deployment of a ReplicaSet's
   * pod), or the object itself: what findings about a pod name. An owner is looked up by the
   * reference's kind and name in the object's namespace (model/owner-chain.ts checks its uid).
   */
  topController(entry: Entry): Entry {
    return topController(entry, this.findController, objectOfEntry);
  }

  /** `topController` for many entries at once (see topControllerLookup); valid until the state changes. */
  topControllers(): (entry: Entry) => Entry {
    return topControllerLookup(this.findController, objectOfEntry);
  }

  /** The entry a controller reference names: by kind and name, in the namespace of the entry holding it. */
  private readonly findController = (ref: ControllerRef, holder: Entry): Entry | undefined =>
    this.entries.get(keyOf(ref.apiVersion, ref.kind, namespaceOf(holder.object), ref.name));

  emit(event: ClusterEvent): void {
    if (this.recordEvents) this.events.push(event);
  }

  /** Emits the event unless an identical one was emitted before. */
  emitOnce(event: ClusterEvent): void {
    // Only events are kept once: without them there is nothing to repeat.
    if (!this.recordEvents) return;
    const key = `event|${identityKey(event.involvedObject)}|${event.reason}|${event.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.emit(event);
  }

  /** Records a problem once: the same one again (or one with the same `onceKey`) is dropped. */
  report(problem: SimulationProblem, onceKey?: string): void {
    const key = onceKey
      ? `problem|${onceKey}`
      : `problem|${problem.ruleId}|${problem.origin?.source.file ?? ''}|${problem.origin?.source.docIndex ?? ''}|${problem.pointer}|${problem.message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(problem);
  }
}

function objectOfEntry(entry: Entry): KubeObject {
  return entry.object;
}

/** Adds an entry to the inner map of an index, creating it. */
function addTo(map: Map<string, Map<string, Entry>>, k: string, key: string, entry: Entry): void {
  const inner = map.get(k);
  if (inner) inner.set(key, entry);
  else map.set(k, new Map([[key, entry]]));
}

/** An owner reference to `owner` marking it as the controller, as controllers write them. */
export function controllerRef(owner: KubeObject): Record<string, unknown> {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: nameOf(owner),
    uid: uidOf(owner),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The event `involvedObject` for an object (an object reference has no `generateName`). */
export function involved(object: KubeObject): ObjectRef & { uid?: string } {
  const { generateName: _, ...ref }: ObjectRef & { uid?: string } = refOf(object);
  const uid = uidOf(object);
  if (uid) ref.uid = uid;
  return ref;
}
