import type { Manifest } from '../model/manifest.js';
import { identityKey, namespaceOf } from '../model/object-ref.js';
import { isRecognized } from './kinds.js';
import { LabelIndex } from '../model/selectors/label-index.js';
import type { Selector } from '../model/selectors/label-selector.js';
import { type GroupKind, groupKindOf } from '../model/group-kind.js';
import { type PodTemplate, podTemplateOf } from '../model/pod-template.js';

/** A pod template and the object that owns it. */
export interface PodOwner {
  manifest: Manifest;
  template: PodTemplate;
}

const NONE: readonly never[] = [];

/**
 * Every object of a run, indexed once so cross-object rules look things up instead of
 * walking all objects: by kind, by kind + namespace + name, by identity, and pod templates by
 * namespace and by label, so matching a selector costs the pods that share its rarest label
 * rather than every pod.
 */
export class ObjectIndex {
  readonly manifests: readonly Manifest[];
  private readonly byKind = new Map<GroupKind, Manifest[]>();
  private readonly byName = new Map<string, Manifest>();
  private readonly byIdentity = new Map<string, Manifest[]>();
  private readonly kindsInNamespace = new Set<string>();
  private readonly pods = new LabelIndex<PodOwner>();
  private readonly memos = new Map<string, unknown>();

  constructor(manifests: readonly Manifest[]) {
    this.manifests = manifests;
    for (const m of manifests) {
      if (!isRecognized(m)) continue;
      const kind = groupKindOf(m);
      const ns = namespaceOf(m.object);
      push(this.byKind, kind, m);
      const key = nameKey(kind, ns, m.ref.name);
      if (!this.byName.has(key)) this.byName.set(key, m);
      push(this.byIdentity, identityKey(m.ref), m);
      this.kindsInNamespace.add(`${kind}|${ns}`);
      const template = podTemplateOf(m.object);
      if (template) {
        this.pods.add(ns, template.labels, { manifest: m, template });
      }
    }
  }

  /** Objects of a kind, in input order. */
  ofKind(kind: GroupKind): readonly Manifest[] {
    return this.byKind.get(kind) ?? NONE;
  }

  /** The first object of a kind with this namespace and name. */
  find(kind: GroupKind, namespace: string, name: string): Manifest | undefined {
    return this.byName.get(nameKey(kind, namespace, name));
  }

  /** Every object with the same identity as `m` (group, kind, namespace, name), `m` included. */
  sameIdentity(m: Manifest): readonly Manifest[] {
    return this.byIdentity.get(identityKey(m.ref)) ?? NONE;
  }

  /** True when the input has at least one object of `kind` in `namespace`. */
  hasKindIn(kind: GroupKind, namespace: string): boolean {
    return this.kindsInNamespace.has(`${kind}|${namespace}`);
  }

  podOwnersIn(namespace: string): readonly PodOwner[] {
    return this.pods.inNamespace(namespace);
  }

  /**
   * Pod templates in `namespace` whose labels match a compiled selector (consumers.ts decides
   * what each kind's absent or empty selector means).
   */
  podsMatching(namespace: string, selector: Selector): PodOwner[] {
    return this.pods.select(namespace, selector);
  }

  /**
   * A value derived from all objects, computed once per run and shared by every call (a rule's
   * own lookup table, for instance). `key` names it; use the rule id as a prefix.
   */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nameKey(kind: GroupKind, namespace: string, name: string): string {
  return `${kind}|${namespace}|${name}`;
}
