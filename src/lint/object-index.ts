import type { Manifest } from '../model/manifest.js';
import { identityKey } from '../model/object-ref.js';
import { isRecognized, namespaceOf } from './kinds.js';
import { isEmptySelector, selectorMatches, type LabelSelector } from './label-selector.js';
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
  private readonly podsByNamespace = new Map<string, PodOwner[]>();
  private readonly podsByLabel = new Map<string, PodOwner[]>();
  private readonly memos = new Map<string, unknown>();

  constructor(manifests: readonly Manifest[]) {
    this.manifests = manifests;
    for (const m of manifests) {
      if (!isRecognized(m)) continue;
      const kind = groupKindOf(m);
      const ns = namespaceOf(m);
      push(this.byKind, kind, m);
      const key = nameKey(kind, ns, m.ref.name);
      if (!this.byName.has(key)) this.byName.set(key, m);
      push(this.byIdentity, identityKey(m.ref), m);
      this.kindsInNamespace.add(`${kind}|${ns}`);
      const template = podTemplateOf(m.object);
      if (template) {
        const owner = { manifest: m, template };
        push(this.podsByNamespace, ns, owner);
        for (const [k, v] of Object.entries(template.labels)) push(this.podsByLabel, labelKey(ns, k, v), owner);
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
    return this.podsByNamespace.get(namespace) ?? NONE;
  }

  /**
   * Pod templates in `namespace` whose labels match `selector`. An empty selector matches every
   * pod of the namespace; callers decide whether that is what Kubernetes does for their kind.
   */
  podsMatching(namespace: string, selector: LabelSelector): PodOwner[] {
    if (isEmptySelector(selector)) return [...this.podOwnersIn(namespace)];
    let candidates: readonly PodOwner[] | undefined;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.podsByLabel.get(labelKey(namespace, k, v)) ?? NONE;
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    return (candidates ?? this.podOwnersIn(namespace)).filter((p) => selectorMatches(selector, p.template.labels));
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

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}
